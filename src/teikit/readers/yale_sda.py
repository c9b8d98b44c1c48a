"""Yale Stalin Digital Archive (SDA): the document viewer pages.

A scraped viewer page reads, top to bottom:
- the site chrome: masthead ("Stalin Digital Archive" / "Yale University Press"), the menu,
  login, subscription, print, export and report dialogs, the volume's "Table of Contents"
  (a bullet list of its other documents), then the viewer header: the document title,
  "By <author>", the volume, "Image view" and the tab controls;
- one pane per tab: "Translation" (or "Transcription"), a page counter "/ 14", control
  bullets, then the text, one paragraph per line. The print edition's page markers
  ("Page 59") sit on their own lines, and the editor's biographical notes are printed on the
  line right after a person's name, the sentence continuing on the line after the note;
- "Document Details": labels glued to their values ("AuthorLiakhovetsky, ..."), "N/A" when
  a field is empty;
- the user tools (Tags, Annotations, Bookmarks) and the footer links.

Document Details dates are year first ("1934 Dec 31", "1934 Dec", "1926"). A letter's
Russian transcription gets its own (Russian) opener and closer. A diary page may begin in the
middle of an entry begun on an earlier page: that text is an entry without a head.

Everything the reader leaves out goes through `Page.drop`; lines of the chrome it does not
recognise are kept as header notes (with a warning) rather than lost.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace

from teikit.dates import DateValue, parse_date
from teikit.inline import collapse_spaces, parse_inline, plain_text
from teikit.model import (
    ArchivalReference,
    Bibl,
    Block,
    BlockPageBreak,
    Closer,
    Commentary,
    Division,
    Document,
    Head,
    Inline,
    InlineNote,
    Opener,
    PageBreak,
    Para,
    Person,
    Postscript,
    Quote,
    ReadResult,
    TaggedText,
)
from teikit.readers import Reader
from teikit.readers.letters import is_dateline, is_salute, letter_blocks
from teikit.readers.page import Page
from teikit.readers.titles import MONTHS, correspondence_title

FAMILY = "yale-sda"
SITE_TITLE = "Stalin Digital Archive"
SITE_PUBLISHER = "Yale University Press"


# --------------------------------------------------------------------------- detection

_SIGNATURES = [
    re.compile(r"^Document Details\s*$", re.M),
    re.compile(r"^\s*•\s*My SDA\s*$", re.M),
    re.compile(r"^Translation Transcription\s*$", re.M),
    re.compile(r"^AOC Volume", re.M),
    re.compile(r"Copyright \d{4} Yale University"),
    re.compile(r"^Register for your MySDA account", re.M),
]


def looks_like_yale_sda_page(text: str) -> bool:
    """The SDA masthead plus at least two marks of its viewer layout."""
    if SITE_TITLE.lower() not in text[:5000].lower():
        return False
    return sum(1 for sig in _SIGNATURES if sig.search(text)) >= 2


# --------------------------------------------------------------------------- site chrome

_BULLET = re.compile(r"^\s*•\s*(?P<item>.*)$")
_MASTHEAD = re.compile(r"(?:Stalin Digital Archive|Yale University Press)", re.I)
_PAGER = re.compile(r"/\s*-?\d+")
_PANE_NAMES = ("Translation", "Transcription")
_VIEWER_CONTROL = re.compile(
    r"\s*•\s*(?:Translation|Transcription|Print|Save|Share|Cite|Download|Export Citation|Export Annotation"
    r"|Zoom(?: In| Out)?|Rotate|Full ?screen)\s*"
)
_TOC_HEADING = re.compile(r"Table of Contents")
_TOC_END = re.compile(r"<\s*Previous document\s+Next document\s*>", re.I)

# (pattern, reason) for the non-bullet lines of the chrome; matched against the stripped line.
CHROME: list[tuple[re.Pattern[str], str]] = [
    (_MASTHEAD, "site masthead (repeated)"),
    (re.compile(r"Register\s*Log ?In|Log ?In|Login|Register"), "login link"),
    (re.compile(r"Login Required|A personal account is required to access .*|Username:.*|Password:.*"
                r"|Forgot password\??|Not registered\??|Register for your MySDA account|You must login to do that"),
     "login dialog"),
    (re.compile(r"Your subscription has expired\.?|Click here to renew your subscription"
                r"|Once your subscription is renewed, .*"), "subscription dialog"),
    (re.compile(r".{0,40}?\s*Close"), "dialog title"),
    (re.compile(r"(?:Cancel|Ok|Save|Print|Export|Report)(?:\s*(?:Cancel|Ok|Save|Print|Export|Report))*"),
     "dialog buttons"),
    (re.compile(r"-or-|\(Max\. \d+ Pages at a time\)|By checking this box, I agree to all terms and conditions .*"
                r"|Please provide the text of your complaint .*"), "dialog text"),
    (re.compile(r"Next Document\s*>\s*<\s*Previous Document\s*Return.*", re.I),
     "document navigation (with the document title, given in Document Details)"),
    (_TOC_END, "document navigation"),
    (re.compile(r"Back to Search"), "search navigation"),
    (_PAGER, "viewer page counter"),
    (re.compile(r"©\s*\d{4}"), "viewer copyright mark"),
    (re.compile(r"View:|Image view|Translation Transcription|Translation|Transcription"), "viewer controls"),
]

_USER_TOOLS = re.compile(r"Tags|Annotations|Bookmarks")
_FOOTER = re.compile(
    r"\||•\s*(?:Yale|Terms & Conditions|Privacy Policy.*|Contact(?: us)?|Access+ibility"
    r"|Copyright \d{4} Yale University|Connect with us:?|Facebook|Twitter|YouTube|Instagram)"
)

# --------------------------------------------------------------------------- Document Details

DETAIL_LABELS = ("Document Title", "AOC Volume", "Author", "Recipient", "Repository", "ID #", "Description", "Date")
# Labels other SDA collections may print; their fields are kept whole as header notes.
OTHER_LABELS = ("Language", "Collection", "Document Type", "Place", "Notes", "Keywords", "Fond", "Opis", "Delo")
# The label is glued to its value, which does not go on in lower case ("Dated ..." is no "Date").
_DETAIL = re.compile(
    r"^(?P<label>" + "|".join(re.escape(k) for k in sorted(DETAIL_LABELS + OTHER_LABELS, key=len, reverse=True))
    + r")\s*:?\s*(?P<value>(?![a-z]).*)$"
)
_EMPTY_VALUE = re.compile(r"N/?A|n/a|None|-+|—")
_GLOSS = re.compile(r"^(?P<name>.+?)\s*\((?P<gloss>[^()]+)\)$")
_FOND = re.compile(r"^(?P<collection>F\.\s*[\w-]+,?\s*Op\.\s*[\w/-]+)\s*[,.]?\s*(?P<item>D\..*)$")
_VOLUME = re.compile(r"\b(?:Volume|Vol\.)\s*\w+")

# --------------------------------------------------------------------------- text

_PAGE_MARKER = re.compile(r"Page\s+(?P<n>\d+[a-z]?|[ivxlcdm]+)")
_DAY_MONTH = re.compile(r"(?P<date>(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r"))(?P<suffix>\s*\(\d+\))?")
_CLOSING_PUNCTUATION = re.compile(r"[,;:.!?)\]]")
_SENTENCE_END = re.compile(r"[.!?…]['’”»)\]]*$")
_WEAK_END = re.compile(r"[,;:–—(-]$|\b[a-z][\w’'-]*$")
_NOTE_HEAD_END = re.compile(r",\s|(?<!\b[A-Z])(?<!\b[A-Z][a-z])\.(?:\s|$)")
_NAME_PARTICLES = {"and", "de", "von", "van", "der", "den", "la", "le", "du", "da", "di", "del", "of", "y"}
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w’'.-]*|\([A-Z][\w’'.-]*\))$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_ROLE = re.compile(
    r"\b(?:MP|secretary|minister|commissar|ambassador|envoy|consul|president|chairman|chairwoman|leader|commander"
    r"|member|pilot|designer|writer|journalist|editor|clerk|counsellor|diplomat|deputy|head|chief|director|general"
    r"|officer|sister|brother|wife|husband|son|daughter|father|mother|friend|founder|economist|historian"
    r"|politician|unionist|lord|premier|prime|king|queen|prince|princess|duke|baron|correspondent|banker"
    r"|industrialist|physician|professor|scientist|artist|poet|novelist|playwright|actor|actress|composer"
    r"|engineer|revolutionary|Bolshevik|Menshevik|Conservative|Liberal|Labour|socialist|communist|born|died)s?\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\bI\s+[a-z]|\b(?:[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur)\b")  # not "Peter I,"
_YEAR = re.compile(r"\b1[6-9]\d\d\b|\b20\d\d\b")
_ATTACHMENT_KIND = re.compile(
    r"\b(?P<kind>memo(?:randum)?|letter|note|telegram|report|record|document|enclosure|statement|minutes)\b", re.I
)
_ATTACHMENT_WORDS = re.compile(r"\b(?:attached|enclosed|appended|undated|inserted|written|found|kept)\b", re.I)
# "Not reproduced in this edition.", "The rest of the text is omitted.", "Two pages missing."
_EDITORIAL_REMARK = re.compile(
    r"^(?:(?:the |\w+ )?(?:text|rest|remainder|end|page|pages|passage|paragraphs?|part|section|enclosure"
    r"|attachment|statement|document|lines|words)(?: of the \w+)?\s+(?:is |was |are |were )?)?"
    r"(?:not reproduced|omitted|illegible|missing|not (?:found|published|preserved|included))"
    r"(?:\s+(?:in|from|here)\b.*)?\.$",
    re.I,
)
_EDITOR_REFERENCE = re.compile(
    r"\bsee (?:also )?(?:the )?[‘“\"']?(?:Introduction|Preface|Prologue|Epilogue|Appendix)\b"
    r"|\bsee (?:also )?pp?\.\s*\d+|\bsee (?:also )?(?:the )?(?:entry|entries|note) (?:for|of|on)\b|\bin this edition\b",
    re.I,
)
_QUOTED = re.compile(r"‘[^‘]*?’(?![\w])|“[^“]*?”|\"[^\"]*\"")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


# --------------------------------------------------------------------------- layout


@dataclass
class Pane:
    """A tab of the viewer: its name and where its text lies."""

    name: str
    header: int
    start: int  # first line after the controls
    end: int  # first line after the text


@dataclass
class Layout:
    panes: list[Pane]
    details: int | None  # the "Document Details" line
    chrome_end: int


def find_layout(page: Page) -> Layout:
    """Where the chrome, the text panes and the Document Details block are."""
    lines = page.lines
    details = next((i for i, line in enumerate(lines) if line.strip() == "Document Details"), None)
    limit = details if details is not None else len(lines)
    headers = [i for i in range(limit) if lines[i].strip() in _PANE_NAMES and _next_is_pager(lines, i)]
    if not headers:  # a page scraped without the counters: the pane names after the tab switch
        toggle = next((i for i in range(limit) if lines[i].strip() == "Translation Transcription"), None)
        if toggle is not None:
            headers = [i for i in range(toggle + 1, limit) if lines[i].strip() in _PANE_NAMES]
    panes: list[Pane] = []
    for k, header in enumerate(headers):
        start = _after_controls(lines, header)
        end = headers[k + 1] if k + 1 < len(headers) else _text_end(lines, start, limit)
        panes.append(Pane(lines[header].strip(), header, start, max(start, end)))
    chrome_end = headers[0] if headers else limit
    return Layout(panes, details, chrome_end)


def _next_nonblank(lines: list[str], i: int) -> int | None:
    return next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)


def _next_is_pager(lines: list[str], i: int) -> bool:
    j = _next_nonblank(lines, i)
    return j is not None and bool(_PAGER.fullmatch(lines[j].strip()))


def _after_controls(lines: list[str], header: int) -> int:
    """The line after a pane's counter and control bullets."""
    i = header + 1
    if _next_is_pager(lines, header):
        i = (_next_nonblank(lines, header) or header) + 1
    while i < len(lines) and (not lines[i].strip() or _VIEWER_CONTROL.fullmatch(lines[i])):
        i += 1
    return i


def _text_end(lines: list[str], start: int, limit: int) -> int:
    """Without a Document Details block the text runs to the user tools or the footer."""
    for i in range(start, limit):
        stripped = lines[i].strip()
        if stripped and (_USER_TOOLS.fullmatch(stripped) or (_BULLET.match(lines[i]) and _FOOTER.fullmatch(stripped))):
            return i
    return limit


# --------------------------------------------------------------------------- metadata


@dataclass
class Details:
    """The Document Details fields, values as written ("N/A" removed)."""

    values: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)  # unlabelled lines, kept as header notes
    end: int = 0


def read_details(page: Page, start: int | None) -> Details:
    """Parse "LabelValue" lines (or a label alone, its value on the next line); a line
    without a (new) label continues the previous value. "N/A" values are dropped as empty."""
    details = Details()
    if start is None:
        return details
    page.drop(start, "section heading of the viewer")
    current: str | None = None
    parts: dict[str, list[tuple[int, str]]] = {}  # where each value was written
    i = start + 1
    while i < len(page.lines):
        line = page.lines[i]
        stripped = line.strip()
        if _USER_TOOLS.fullmatch(stripped) or (_BULLET.match(line) and _FOOTER.fullmatch(stripped)):
            break
        if stripped:
            m = _DETAIL.match(stripped)
            if m and m.group("label") not in details.values:
                current = m.group("label")
                value = m.group("value").strip()
                page.drop(i, "field label", text=current)  # other fields keep it in their header note
                parts[current] = [(i, value)] if value else []
                details.values[current] = collapse_spaces(value)
            elif current is not None:
                parts[current].append((i, stripped))
                details.values[current] = collapse_spaces(f"{details.values[current]} {stripped}")
            else:
                details.extra.append(collapse_spaces(stripped))
        i += 1
    details.end = i
    for label, written in parts.items():
        if label not in OTHER_LABELS and _EMPTY_VALUE.fullmatch(details.values[label]):
            for index, text in written:
                page.drop(index, "empty field", text=text)
            details.values[label] = ""
    return details


_YEAR_MONTH = re.compile(r"(?P<year>\d{4})\s+(?P<month>[A-Z][a-z]{2,8})\.?")


def sda_date(text: str) -> DateValue | None:
    """The SDA writes dates year first: "1934 Dec 31", "1934 Dec" (a month), "1926"."""
    value = parse_date(text)
    if value is None and (m := _YEAR_MONTH.fullmatch(text.strip())):
        value = parse_date(f"{m.group('month')} {m.group('year')}")
        value = replace(value, text=text) if value is not None else None
    return value


def person(text: str) -> Person:
    """A name as written; a gloss in brackets (a pseudonym) becomes the note."""
    text = collapse_spaces(text)
    m = _GLOSS.match(text)
    return Person(name=text, note=m.group("gloss") if m else None)


def persons(text: str) -> list[Person]:
    return [person(part) for part in re.split(r"\s*[;|]\s*", text) if part.strip()]


def short_name(p: Person) -> str:
    """What the person is known as: the pseudonym when glossed, else the surname."""
    if p.note:
        return p.note
    return p.name.split(",")[0].strip()


def archival_reference(repository: str, ident: str) -> ArchivalReference | None:
    """Repository "RGASPI" and ID "F. 558, Op. 11, D. 1": fond/opis as collection, delo as idno."""
    if not repository and not ident:
        return None
    text = ", ".join(part for part in (repository, ident) if part)
    collection, idno = None, ident or None
    m = _FOND.match(ident) if ident else None
    if m:
        collection, idno = m.group("collection").rstrip(" ,"), m.group("item")
    return ArchivalReference(text=text, repository=repository or None, collection=collection, idno=idno)


def volume_bibl(volume: str) -> Bibl:
    """"The Complete Maisky Diaries: Volume 1": the printed edition the text comes from."""
    tagged = TaggedText(volume)
    scope = _VOLUME.search(volume)
    title = volume[: scope.start()].rstrip(" :,.-–") if scope else volume
    tagged.mark(title, "title")
    if scope:
        tagged.mark(scope.group(0), "biblScope", unit="volume")
    return Bibl(tagged, "print-source")


def web_bibl() -> Bibl:
    tagged = TaggedText(f"{SITE_TITLE}, {SITE_PUBLISHER}").mark(SITE_TITLE, "title").mark(SITE_PUBLISHER, "publisher")
    return Bibl(tagged, "web-source")


# --------------------------------------------------------------------------- chrome


@dataclass
class Chrome:
    """What the chrome tells about the document, when Document Details does not."""

    title: str | None = None
    byline: str | None = None
    volume: str | None = None  # the viewer's volume line under the byline
    toc_title: str | None = None  # the title over the table of contents (dropped, a hint only)
    unknown: list[str] = field(default_factory=list)


_BYLINE = re.compile(r"By\s+(?P<name>[A-Z].{1,150})")
_CHROME_REASONS = {
    "menu": "site menu",
    "dialogs": "dialog link",
    "toc": "table of contents of the volume: other documents",
    "viewer": "viewer controls",
}


def read_chrome(page: Page, end: int, details: Details) -> Chrome:
    """Drop the site's menus, dialogs, table of contents and viewer controls.

    Zones follow the page: masthead and menu, dialogs, the volume's table of contents,
    the viewer header. Lines no pattern knows are either the viewer's document title
    (used when Document Details gives none) or kept as header notes.
    """
    chrome = Chrome()
    known_title = details.values.get("Document Title") or None
    known_volume = details.values.get("AOC Volume") or None
    lines = page.lines
    zone = "menu"
    masthead_seen: set[str] = set()
    candidates: list[tuple[int, str, str]] = []  # (index, text, zone) of unrecognised lines
    byline_at: int | None = None
    i = 0
    while i < end:
        index, line = i, lines[i]
        stripped = collapse_spaces(line)
        i += 1
        if not stripped:
            continue
        bullet = _BULLET.match(line)
        if zone == "menu" and not bullet and masthead_seen and not _MASTHEAD.fullmatch(stripped):
            zone = "dialogs"
        elif zone == "toc" and not bullet:
            zone = "viewer"
        if _TOC_HEADING.fullmatch(stripped):
            page.drop(index, "table of contents of the volume: heading")
            j = _next_nonblank(lines, index)
            if j is not None and j < end and not _BULLET.match(lines[j]):
                page.drop(j, "table of contents of the volume: its title")
                chrome.toc_title = collapse_spaces(lines[j])
                i = j + 1
            zone = "toc"
            continue
        if bullet:
            page.drop(index, _CHROME_REASONS[zone])
            continue
        if zone == "menu" and _MASTHEAD.fullmatch(stripped) and stripped.lower() not in masthead_seen:
            masthead_seen.add(stripped.lower())  # kept: its words are the web-source bibl
            continue
        reason = next((reason for pattern, reason in CHROME if pattern.fullmatch(stripped)), None)
        if reason:
            page.drop(index, reason)
            continue
        if (m := _BYLINE.fullmatch(stripped)) and chrome.byline is None:
            chrome.byline = m.group("name").strip()
            byline_at = index
            if details.values.get("Author"):
                page.drop(index, "author byline repeated in Document Details")
            else:
                page.drop(index, "byline label (the name is the author)", text=stripped[: m.start("name")])
            continue
        if byline_at is not None and _next_nonblank(lines, byline_at) == index:
            if known_volume and stripped == known_volume:
                page.drop(index, "volume title repeated in Document Details")
                continue
            if not known_volume:
                chrome.volume = stripped  # the viewer's volume line: the print source
                continue
        if not known_volume and chrome.volume is None and stripped == chrome.toc_title:
            chrome.volume = stripped  # the viewer repeats the volume of the table of contents
            continue
        if known_volume and stripped == known_volume:
            page.drop(index, "volume title repeated in Document Details")
            continue
        candidates.append((index, stripped, zone))

    title = known_title
    if title is None and candidates:
        chosen = next((c for c in candidates if c[2] == "viewer"), candidates[0])
        title = chrome.title = chosen[1]
        candidates.remove(chosen)
    for index, stripped, _ in candidates:
        if title and stripped == title:
            page.drop(index, "document title repeated by the viewer")
        else:
            chrome.unknown.append(stripped)
    return chrome


def drop_footer(page: Page, start: int) -> list[str]:
    """User tools and footer links; returns the lines it does not recognise."""
    unknown: list[str] = []
    for i in range(start, len(page.lines)):
        stripped = page.lines[i].strip()
        if not stripped:
            continue
        if _USER_TOOLS.fullmatch(stripped):
            page.drop(i, "user tools of the viewer")
        elif stripped == "|":
            page.drop(i, "footer separator")
        elif _FOOTER.fullmatch(stripped):
            page.drop(i, "footer links")
        else:
            unknown.append(collapse_spaces(stripped))
    return unknown


# --------------------------------------------------------------------------- the text


@dataclass
class Paragraph:
    """A paragraph of the text as built from its lines."""

    content: list[Inline]
    first_line: int
    lines: int = 1  # how many text lines it joins
    notes: int = 0
    after_note: bool = False
    last_segment: str = ""

    @property
    def text(self) -> str:
        return collapse_spaces(plain_text(self.content))

    @property
    def is_plain(self) -> bool:
        return all(isinstance(node, str) for node in self.content)


Item = Paragraph | BlockPageBreak


def read_pane(page: Page, pane: Pane) -> list[Item]:
    """Paragraphs and page breaks of a pane's text, with the biographical notes inlined."""
    items: list[Item] = []
    current: Paragraph | None = None
    pending: list[str] = []  # page markers since the last text line
    for i in range(pane.start, pane.end):
        line = collapse_spaces(page.lines[i])
        if not line:
            continue
        marker = _PAGE_MARKER.fullmatch(line)
        if marker:
            n = marker.group("n")
            page.drop(i, f'page marker, encoded as pb n="{n}"')
            pending.append(n)
            continue
        if current is not None and not pending and (name := bio_note_target(current.last_segment, line)):
            attach_note(current, name, line)
            continue
        if current is not None and continues(current, line, bool(pending)):
            if not (_hyphenated(current.last_segment) or _CLOSING_PUNCTUATION.match(line)):
                current.content.append(" ")
            current.content.extend(PageBreak(n) for n in pending)
            current.content.extend(parse_inline(line))
            current.lines += 1
        else:
            if current is not None:
                items.append(merge_strings(current))
            items.extend(BlockPageBreak(n) for n in pending)
            current = Paragraph(parse_inline(line), first_line=i)
        current.last_segment = line
        current.after_note = False
        pending = []
    if current is not None:
        items.append(merge_strings(current))
    items.extend(BlockPageBreak(n) for n in pending)
    return items


def merge_strings(paragraph: Paragraph) -> Paragraph:
    """Join adjacent strings left by line joins, so the content reads as the TEI will."""
    merged: list[Inline] = []
    for node in paragraph.content:
        if isinstance(node, str) and merged and isinstance(merged[-1], str):
            merged[-1] += node
        elif node != "":
            merged.append(node)
    paragraph.content = merged
    return paragraph


def _hyphenated(text: str) -> bool:
    return bool(re.search(r"\w-$", text))


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def continues(paragraph: Paragraph, line: str, after_page_marker: bool) -> bool:
    """Does `line` go on with the paragraph that a note or a page marker interrupted?"""
    if not (paragraph.after_note or after_page_marker):
        return False  # one paragraph a line
    last = paragraph.last_segment
    starts_low = bool(re.match(r"[a-z(\[,;:–—-]", line))
    if paragraph.after_note and not after_page_marker:
        return starts_low or not ends_sentence(last)
    return not ends_sentence(last) and (starts_low or bool(_WEAK_END.search(last)))


def _name_tokens(text: str) -> tuple[list[str], str]:
    """The capitalised words ending `text` (a name, maybe with initials) and the punctuation after."""
    m = re.search(r"[,.;:]*$", text)
    trailing = m.group(0) if m else ""
    body = text[: len(text) - len(trailing)] if trailing else text
    if trailing.startswith(".") and re.search(r"\b[A-Z]$", body):
        body, trailing = body + ".", trailing[1:]  # "W.J." keeps its full stop
    tokens: list[str] = []
    for token in reversed(body.split()):
        if not (_NAME_TOKEN.match(token) or _INITIALS.match(token)) or re.search(r"[,;:)]$", token):
            break
        tokens.insert(0, token)
        if len(tokens) == 4:
            break
    return tokens, trailing


def note_head(note: str) -> str:
    """The note's opening name: up to the first comma or full stop (not an initial's)."""
    m = _NOTE_HEAD_END.search(note)
    return note[: m.start()].strip() if m else note.strip()


def _bare(word: str) -> str:
    return re.sub(r"(?:’s|'s)$", "", word.strip("()"))


def _is_family_plural(token: str, names: set[str]) -> bool:
    """"the Webbs" for a note on "Sidney and Beatrice Webb"."""
    return token.endswith("s") and token[:-1] in names


def bio_note_target(previous: str, line: str) -> str | None:
    """The name at the end of `previous` that `line`, an editor's biographical note, explains.

    The note opens with a fuller form of the name ("Feka" -> "Feoktista (Feka) Poludova, ...")
    and reads like a note: a name, then dates or offices.
    """
    tokens, _ = _name_tokens(previous)
    if not tokens or not _SENTENCE_END.search(line):
        return None
    head = note_head(line)
    head_words = head.split()
    if not 2 <= len(head_words) <= 9 or not head_words[0][0].isupper():
        return None
    if not all(_NAME_TOKEN.match(w) or _INITIALS.match(w) or w in _NAME_PARTICLES for w in head_words):
        return None
    names = {_bare(w) for w in head_words}
    if _bare(tokens[-1]) not in names and not _is_family_plural(tokens[-1], names):
        return None
    target = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if _bare(token) in names or (_INITIALS.match(token) and any(w[0] == token[0] for w in names if w)):
            target.insert(0, token)
        else:
            break
    if len(head_words) <= len(target):
        return None  # not a fuller form of the name
    rest = line[len(head):]
    if not (_YEAR.search(rest) or _ROLE.search(rest)) or _FIRST_PERSON.search(rest):
        return None  # the diarist's own sentence about the person, not the editor's note
    return " ".join(target)


def attach_note(paragraph: Paragraph, name: str, note_line: str) -> None:
    """Put the note right after the name; the punctuation after the name follows the note."""
    note = InlineNote(parse_inline(note_line), type="biographical", target_text=name)
    last = paragraph.content[-1] if paragraph.content else None
    if isinstance(last, str):
        _, trailing = _name_tokens(paragraph.last_segment)
        stem = last.rstrip()
        if trailing and stem.endswith(trailing) and stem[: len(stem) - len(trailing)].endswith(name):
            paragraph.content[-1] = stem[: len(stem) - len(trailing)]
            paragraph.content.extend([note, trailing])
        else:
            paragraph.content.append(note)
    else:
        paragraph.content.append(note)
    paragraph.notes += 1
    paragraph.after_note = True


# --------------------------------------------------------------------------- structure


def is_day_month(text: str) -> bool:
    return bool(_DAY_MONTH.fullmatch(text.strip()))


def is_attachment_title(p: Paragraph) -> bool:
    text = p.text
    words = text.split()
    return (
        p.is_plain and p.lines == 1 and 1 <= len(words) <= 15 and text[0].isupper()
        and not re.search(r"[.!?…:;,]$", text) and not is_day_month(text)
    )


def attachment_kind(p: Paragraph) -> str | None:
    """"Undated memo attached to the diary, written around 3 January 1935." -> "memo"."""
    text = p.text
    if p.lines != 1 or p.notes or len(text.split()) > 40 or not text.endswith("."):
        return None
    kind = _ATTACHMENT_KIND.search(text)
    if not kind or not _ATTACHMENT_WORDS.search(text):
        return None
    word = kind.group("kind").lower()
    return "memo" if word.startswith("memo") else word


def commentary_type(p: Paragraph, diarist: list[str]) -> str | None:
    """Editor's words inside the text: a remark, or a paragraph on the diarist in the third person."""
    if p.notes or p.lines != 1:
        return None
    text = p.text
    if len(text.split()) <= 12 and _EDITORIAL_REMARK.match(text):
        return "editorial"
    unquoted = _QUOTED.sub(" ", text)
    if _EDITOR_REFERENCE.search(unquoted):
        return "commentary"
    for name in diarist:
        if re.search(rf"(?<![\w‘“]){re.escape(name)}(?:’s|'s)?\b", unquoted):
            return "commentary"
    return None


@dataclass
class EntryDates:
    """Years for the diary's day-month heads: from the document date, turning at January."""

    year: int | None
    month: int | None = None

    def resolve(self, text: str) -> DateValue | None:
        m = _DAY_MONTH.fullmatch(text.strip())
        if not m or self.year is None:
            return None
        month = MONTHS.index(m.group("month")) + 1
        if self.month is not None and self.month >= 11 and month <= 2:  # December, then January
            self.year += 1
        self.month = month
        return parse_date(m.group("date"), year=self.year)


def structure(items: list[Item], diary: bool, diarist: list[str], dates: EntryDates) -> list[Block]:
    """Diary entries and attached documents as divisions; commentary as editor's notes."""
    body: list[Block] = []
    container = body
    k = 0
    while k < len(items):
        item = items[k]
        k += 1
        if isinstance(item, BlockPageBreak):
            container.append(item)
            continue
        if diary and item.is_plain and item.lines == 1 and is_day_month(item.text):
            division = Division("entry", head=list(item.content), date=dates.resolve(item.text))
            body.append(division)
            container = division.blocks
            continue
        following = items[k] if k < len(items) else None
        if isinstance(following, Paragraph) and is_attachment_title(item) and (kind := attachment_kind(following)):
            division = Division(kind, head=list(item.content))
            division.blocks.append(Commentary([Para(following.content)], type="editorial"))
            body.append(division)
            container = division.blocks
            k += 1
            continue
        kind = commentary_type(item, diarist)
        if kind:
            previous = container[-1] if container else None
            if isinstance(previous, Commentary) and previous.type == kind:
                previous.paras.append(Para(item.content))
            else:
                container.append(Commentary([Para(item.content)], type=kind))
            continue
        container.append(Para(item.content))
    return body


def continued_entry(body: list[Block], date: DateValue | None) -> list[Block]:
    """Text before the first day head goes on with an entry begun on an earlier page (the
    document's own date): it becomes an entry division without a head, like the ones after it."""
    first = next((k for k, b in enumerate(body) if isinstance(b, Division)), None)
    lead = body[:first] if first else []
    if not any(not isinstance(b, BlockPageBreak) for b in lead):
        return body
    return [Division("entry", head=None, blocks=lead, date=date), *body[first:]]


def letter_body(items: list[Item], lang: str = "en") -> list[Block]:
    """A letter's opener and closer, found by the shared letter parser (the Russian one for
    a transcription); page breaks and notes inside paragraphs go through it as placeholders,
    page markers between paragraphs are put back afterwards."""
    paragraphs = [item for item in items if isinstance(item, Paragraph)]
    if all(commentary_type(p, []) is None for p in paragraphs):
        table: list[Inline] = []
        texts = [encode_inline(p.content, table) for p in paragraphs]
        blocks = russian_letter_blocks(texts) if lang == "ru" else letter_blocks(texts)
        return restore_page_breaks(decode_blocks(blocks, table), items)
    blocks = structure(items, diary=False, diarist=[], dates=EntryDates(None))
    opener = Opener()
    if blocks and isinstance(blocks[0], Para) and all(isinstance(n, str) for n in blocks[0].content):
        dated = is_dateline(plain_text(blocks[0].content))
        if dated:
            opener.dateline = blocks.pop(0).content
            opener.date, opener.place = dated
    if len(blocks) > 1 and isinstance(blocks[0], Para) and is_salute(plain_text(blocks[0].content)):
        opener.salute = blocks.pop(0).content
    return ([opener] if opener.dateline or opener.salute else []) + blocks


# Page breaks and notes inside a letter's paragraphs travel through the shared (text-only)
# letter parser as private-use placeholders, and are put back after it.
_PLACEHOLDER = re.compile("\ue000(?P<k>\\d+)\ue001")


def encode_inline(content: list[Inline], table: list[Inline]) -> str:
    parts: list[str] = []
    for node in content:
        if isinstance(node, str):
            parts.append(node)
        else:
            table.append(node)
            parts.append(f"\ue000{len(table) - 1}\ue001")
    return collapse_spaces("".join(parts))


def decode_inline(content: list[Inline] | None, table: list[Inline]) -> list[Inline] | None:
    if content is None:
        return None
    out: list[Inline] = []
    for node in content:
        if not isinstance(node, str):
            out.append(node)
            continue
        pos = 0
        for m in _PLACEHOLDER.finditer(node):
            out.extend([node[pos : m.start()], table[int(m.group("k"))]])
            pos = m.end()
        out.append(node[pos:])
    return [n for n in out if n != ""]


def decode_blocks(blocks: list[Block], table: list[Inline]) -> list[Block]:
    """Put the placeholders' nodes back into every part of the letter's blocks."""
    if not table:
        return blocks
    for block in blocks:
        if isinstance(block, (Para, Head)):
            block.content = decode_inline(block.content, table)
        elif isinstance(block, Opener):
            block.dateline, block.salute = decode_inline(block.dateline, table), decode_inline(block.salute, table)
        elif isinstance(block, Closer):
            block.salute, block.signed = decode_inline(block.salute, table), decode_inline(block.signed, table)
            block.dateline = decode_inline(block.dateline, table)
            block.remarks = [decode_inline(r, table) or [] for r in getattr(block, "remarks", [])]
        elif isinstance(block, Quote):
            decode_blocks(block.blocks, table)
        elif isinstance(block, Postscript):
            decode_blocks(block.paras, table)
    return blocks


def block_text(block: Block) -> str:
    """The words of a letter block, to find where a paragraph went."""
    if isinstance(block, (Para, Head)):
        return plain_text(block.content)
    if isinstance(block, Opener):
        return " ".join(plain_text(part) for part in (block.dateline, block.salute) if part)
    if isinstance(block, Closer):
        return " ".join(plain_text(part) for part in (block.salute, block.signed, block.dateline) if part)
    if isinstance(block, (Quote, Postscript)):
        inner = block.blocks if isinstance(block, Quote) else block.paras
        return " ".join(block_text(b) for b in inner)
    return ""


def restore_page_breaks(blocks: list[Block], items: list[Item]) -> list[Block]:
    """A page marker between a letter's paragraphs goes before the block that took the
    paragraph after it (at the end when the marker closes the text)."""
    out = list(blocks)
    searched_from = 0
    for k, item in enumerate(items):
        if not isinstance(item, BlockPageBreak):
            continue
        following = next((it for it in items[k + 1 :] if isinstance(it, Paragraph)), None)
        opening = collapse_spaces(following.text)[:40] if following is not None else ""
        at = next(
            (j for j in range(searched_from, len(out)) if opening and opening in collapse_spaces(block_text(out[j]))),
            len(out),
        )
        out.insert(at, item)
        searched_from = at + 1
    return out


# Russian transcriptions of letters: the address, the closing and the date as Stalin wrote them.
_RU_SALUTE = re.compile(
    r"(?:(?:Т|Тов|Т\.т)\.\s*|Товарищи?\s+|(?:Дорог|Уважаем|Многоуважаем)[а-яё]+\s+)[^.!?]{0,80}[!,.]"
    r"|[А-ЯЁ][а-яё-]+(?:у|ю|ой|е|ым|им|ам)(?:,\s*[А-ЯЁ][а-яё-]+(?:у|ю|ой|е|ым|им|ам)){0,4}\s*[.!]"
)
_RU_CLOSING = re.compile(
    r"(?P<salute>С\s+(?:[а-яё]+\s+){0,2}(?:приветом|рукопожатием)|(?:Крепко\s+)?[Жж]му\s+руку|Привет|Ваш|Твой)[,.!]?"
    r"(?:\s+(?P<signed>[А-ЯЁ][^!?]{0,60}))?"
)
_RU_SIGNATURE = re.compile(r"(?:[А-ЯЁ][а-яё]?\.\s*){0,2}[А-ЯЁ][а-яё-]+\.?")
_RU_MONTHS = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
_RU_DATE = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>" + "|".join(_RU_MONTHS) + r")\s+(?P<year>1[89]\d\d)(?:\s*(?:г\.|года))?\.?"
)


def russian_date(text: str) -> DateValue | None:
    """"9 августа 1931 г." -> 1931-08-09 (written as it is)."""
    m = _RU_DATE.fullmatch(text.strip())
    if m is None:
        return None
    month = _RU_MONTHS.index(m.group("month")) + 1
    value = parse_date(f"{m.group('day')} {MONTHS[month - 1]} {m.group('year')}")
    return replace(value, text=text.strip()) if value is not None else None


def russian_letter_blocks(texts: list[str]) -> list[Block]:
    """Opener (address or salute), paragraphs and closer of a letter in Russian."""
    texts = list(texts)
    opener, closer = Opener(), Closer()
    if len(texts) > 1 and len(texts[0].split()) <= 8 and _RU_SALUTE.fullmatch(texts[0]):
        opener.salute = parse_inline(texts.pop(0))
    if len(texts) > 1 and (date := russian_date(texts[-1])):
        closer.dateline, closer.date = parse_inline(texts.pop()), date
    if len(texts) > 1 and len(texts[-1].split()) <= 8 and (m := _RU_CLOSING.fullmatch(texts[-1])):
        texts.pop()
        closer.salute = parse_inline(m.group("salute") + _closing_punctuation(m))
        if m.group("signed"):
            closer.signed = parse_inline(m.group("signed"))
    elif len(texts) > 1 and _RU_SIGNATURE.fullmatch(texts[-1]):
        closer.signed = parse_inline(texts.pop())
    blocks: list[Block] = [opener] if opener.salute else []
    blocks.extend(Para(parse_inline(t)) for t in texts)
    if closer.salute or closer.signed or closer.dateline:
        blocks.append(closer)
    return blocks


def _closing_punctuation(m: re.Match[str]) -> str:
    """The punctuation between a closing salute and the signature ("Привет!")."""
    end = m.start("signed") if m.group("signed") else len(m.string)
    return m.string[m.end("salute") : end].rstrip()


# --------------------------------------------------------------------------- the document


def diary_title(name: str, title: str, date: DateValue | None) -> str:
    """"Maisky, diary entry, 31 December 1934" (the entry's own "(2)" kept after the year)."""
    m = _DAY_MONTH.fullmatch(title)
    when = title
    if m and date is not None and date.year is not None and str(date.year) not in title:
        when = f"{m.group('date')} {date.year}{m.group('suffix') or ''}"
    return f"{name}, diary entry, {when}" if name else f"Diary entry, {when}"


def read_yale_page(text: str) -> ReadResult:
    """One viewer page: its document (and the transcription, when that pane holds text)."""
    page = Page.from_text(text)
    layout = find_layout(page)
    details = read_details(page, layout.details)
    chrome = read_chrome(page, layout.chrome_end, details)
    if layout.details is not None:
        footer_start = details.end
    else:
        footer_start = layout.panes[-1].end if layout.panes else layout.chrome_end
    unknown_footer = drop_footer(page, footer_start)

    warnings: list[str] = []
    doc = Document(family=FAMILY, doc_type="document", title="")
    apply_details(doc, details, chrome, warnings)
    for line in chrome.unknown + details.extra + unknown_footer:
        doc.header_notes.append(TaggedText(line))
        warnings.append(f"unrecognised line of the SDA page kept as a header note: {line[:60]}")

    sda_title = details.values.get("Document Title") or chrome.title or ""
    volume = details.values.get("AOC Volume") or chrome.volume or ""
    pane_items: list[tuple[Pane, list[Item]]] = []
    for pane in layout.panes:
        _drop_pane_controls(page, pane)
        items = read_pane(page, pane)
        if items:
            pane_items.append((pane, items))

    first_text = next((it.text for _, items in pane_items[:1] for it in items if isinstance(it, Paragraph)), "")
    diary = bool(re.search(r"\bdiar(?:y|ies)\b", f"{volume} {chrome.toc_title or ''}", re.I))
    diary = diary or (is_day_month(sda_title) and is_day_month(first_text))
    if doc.recipients:
        doc.doc_type = "telegram" if re.search(r"\btelegram\b", sda_title, re.I) else "letter"
    elif diary and is_day_month(sda_title):
        doc.doc_type = "diary-entry"

    author_name = short_name(doc.authors[0]) if doc.authors else ""
    if doc.doc_type == "diary-entry":
        doc.title = diary_title(author_name, sda_title, doc.date)
    else:
        doc.title = sda_title or correspondence_title(doc)

    doc.warnings.extend(warnings)
    documents: list[Document] = []
    for n, (pane, items) in enumerate(pane_items):
        target = doc if n == 0 else copy.deepcopy(doc)
        if n > 0:
            target.title = f"{doc.title} ({pane.name.lower()})"
        target.lang = "ru" if any(_CYRILLIC.search(it.text) for it in items if isinstance(it, Paragraph)) else "en"
        if doc.doc_type in ("letter", "telegram"):
            target.body = letter_body(items, target.lang)
        else:
            diarist = [author_name, doc.authors[0].name.split(",")[0].strip()] if diary and doc.authors else []
            target.body = structure(items, diary, [d for d in diarist if d], entry_dates(doc, items))
            if diary:
                target.body = continued_entry(target.body, doc.date)
        documents.append(target)
    if not documents:
        warnings.append("no text in the viewer panes")
        doc.warnings.append(warnings[-1])
        documents.append(doc)
    page.dropped.sort(key=lambda d: d.line)
    return ReadResult(documents=documents, dropped=page.dropped, warnings=warnings)


def entry_dates(doc: Document, items: list[Item]) -> EntryDates:
    """Year context for the entries; a first entry later in the year than the document date is the year before."""
    if doc.date is None or doc.date.year is None:
        return EntryDates(None)
    year = doc.date.year
    iso = doc.date.sort_key or ""
    doc_month = int(iso[5:7]) if len(iso) >= 7 else None
    first = next((it.text for it in items if isinstance(it, Paragraph) and is_day_month(it.text)), None)
    m = _DAY_MONTH.fullmatch(first) if first else None
    if m and doc_month is not None and MONTHS.index(m.group("month")) + 1 > doc_month:
        year -= 1
    return EntryDates(year)


def _drop_pane_controls(page: Page, pane: Pane) -> None:
    for i in range(pane.header, pane.start):
        stripped = page.lines[i].strip()
        if not stripped:
            continue
        if i == pane.header:
            page.drop(i, "viewer pane heading")
        elif _PAGER.fullmatch(stripped):
            page.drop(i, "viewer page counter")
        else:
            page.drop(i, "viewer controls")


def apply_details(doc: Document, details: Details, chrome: Chrome, warnings: list[str]) -> None:
    """Header fields from Document Details, falling back on the viewer's byline and volume."""
    values = details.values
    author = values.get("Author") or chrome.byline
    if author:
        doc.authors = persons(author)
    if values.get("Recipient"):
        doc.recipients = persons(values["Recipient"])
    if values.get("Date"):
        doc.date = sda_date(values["Date"])
        if doc.date is None:
            doc.header_notes.append(TaggedText(values["Date"]))
            warnings.append(f"document date not understood, kept as a header note: {values['Date']}")
    doc.archival = archival_reference(values.get("Repository", ""), values.get("ID #", ""))
    if values.get("Description"):
        doc.header_notes.append(TaggedText(values["Description"]))
    volume = values.get("AOC Volume") or chrome.volume
    if volume:
        doc.bibls.append(volume_bibl(volume))
    doc.bibls.append(web_bibl())
    for label in OTHER_LABELS:
        if values.get(label):
            doc.header_notes.append(TaggedText(f"{label}: {values[label]}"))


READER = Reader(
    name=FAMILY,
    description="Yale Stalin Digital Archive viewer pages (diaries, letters, documents with Document Details)",
    recognises=looks_like_yale_sda_page,
    read=read_yale_page,
)
