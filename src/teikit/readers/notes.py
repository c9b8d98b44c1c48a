"""Footnote sections as the sites print them: "[1] ...", "1. ...", "one. ...", "↑ ...".

A note may run over several lines; a line that does not open a new note continues the
previous one as a new paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from teikit.inline import SUPERSCRIPT_DIGITS, collapse_spaces, parse_inline
from teikit.model import Note, Para
from teikit.readers.page import Page, blocks_of

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def number_word(word: str) -> int | None:
    """"one" -> 1, "twenty-three" -> 23: machine-translated pages number notes in words."""
    word = word.lower()
    if word in _UNITS[1:]:
        return _UNITS.index(word)
    if word in _TENS:
        return _TENS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _UNITS[1:10]:
        return _TENS[tens] + _UNITS.index(unit)
    return None


_NOTE_START = re.compile(
    r"""^\s*(?:
        \[(?P<bracket>\d{1,3})\]\s*(?:↑\s*)?       # [1] text        (MIA)
      | (?P<digit>\d{1,3})[.)]\s+(?:↑\s*)?          # 1. text / 1) text / 1. ↑ text (wiki)
      | (?P<word>[a-z]+(?:-[a-z]+)?)\.\s+           # one. text      (machine-translated)
      | (?P<arrow>↑|\^)\s*                          # ↑ text         (wiki back-link, unnumbered)
    )(?P<rest>\S.*)$""",
    re.VERBOSE,
)


def note_start(line: str) -> tuple[str | None, int | None, str] | None:
    """(label as printed, number, text) when `line` opens a footnote, else None."""
    m = _NOTE_START.match(line)
    if not m:
        return None
    if m.group("bracket"):
        return m.group("bracket"), int(m.group("bracket")), m.group("rest")
    if m.group("digit"):
        return m.group("digit"), int(m.group("digit")), m.group("rest")
    if m.group("word"):
        value = number_word(m.group("word"))
        return (m.group("word"), value, m.group("rest")) if value else None
    return None, None, m.group("rest")


def parse_notes(lines: list[str]) -> list[Note]:
    """Notes from the lines of a footnote section; unnumbered ones are numbered in order."""
    notes: list[Note] = []
    raw: list[tuple[str | None, int | None, list[str]]] = []
    for line in lines:
        if not line.strip():
            continue
        start = note_start(line)
        if start is not None:
            raw.append((start[0], start[1], [start[2]]))
        elif raw:
            raw[-1][2].append(line)
        else:
            raw.append((None, None, [line]))
    for position, (label, number, texts) in enumerate(raw, start=1):
        number = number if number is not None else position
        n = str(number)
        notes.append(
            Note(
                n=n,
                number=number,
                label=label if label not in (None, n) else None,
                paras=[Para(parse_inline(t)) for t in texts],
            )
        )
    return notes


def is_notes_heading(line: str) -> bool:
    return bool(re.fullmatch(r"\s*(Notes?|Footnotes?|Endnotes?|References)\s*:?\s*", line, re.I))


def split_notes_section(page: Page, lines: list[str], opens_note: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """Body paragraphs, and the lines of the footnote section.

    The section starts at a "Notes" heading or else at the first block after the text that
    opens a note as the site prints it; whatever follows belongs to it, so notes printed out
    of order or an unnumbered editors' remark after them are notes, not text.
    """
    blocks = blocks_of(lines)
    start = _notes_start(blocks, opens_note)
    if start < len(blocks) and is_notes_heading(blocks[start][1].split("\n")[0]):
        page.drop(blocks[start][0], "notes heading")
        blocks[start] = (blocks[start][0], "\n".join(blocks[start][1].split("\n")[1:]))
    paragraphs = [collapse_spaces(text.replace("\n", " ")) for _, text in blocks[:start]]
    note_lines = [line for _, text in blocks[start:] for line in text.split("\n")]
    return [p for p in paragraphs if p], note_lines


_MARKERS = re.compile(r"\[(\d{1,3})\]|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")


def _notes_start(blocks: list[tuple[int, str]], opens_note: Callable[[str], bool]) -> int:
    """Where the notes begin: at a "Notes" heading, or at the first note-like block whose
    number the text has marked ("[1]") or after which only note-like blocks follow; an
    indented numbered list in the middle of a letter is text."""
    headings = [k for k, (_, text) in enumerate(blocks) if k and is_notes_heading(text.split("\n")[0])]
    if headings:
        return headings[-1]
    opens = [note_start(text.split("\n")[0]) is not None and opens_note(text.split("\n")[0]) for _, text in blocks]
    trailing_from = len(blocks)
    while trailing_from > 0 and opens[trailing_from - 1]:
        trailing_from -= 1
    marked: set[str] = set()
    for k, (_, text) in enumerate(blocks):
        start = note_start(text.split("\n")[0]) if opens[k] else None
        if k and start is not None and (k >= trailing_from or str(start[1]) in marked):
            return k
        for m in _MARKERS.finditer(text):
            marked.add(m.group(1) or m.group(2).translate(SUPERSCRIPT_DIGITS))
    return len(blocks)
