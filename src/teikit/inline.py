"""Inline editorial conventions shared by every source family.

Square brackets in these sources mean two things: a footnote marker ("[1]") or words an
editor supplied ("[and]", "[19]23", "[current Moscow]"). Which one depends on whether the
page has a note of that number, so the reader passes the note numbers it found.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from teikit.model import Inline, NoteRef, Supplied

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

_BRACKET = re.compile(r"\[(?P<inner>[^\[\]\n]{1,200})\]|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")


def collapse_spaces(text: str) -> str:
    """Web pages pad with runs of (non-breaking) spaces; TEI text needs single spaces."""
    return " ".join(text.split())


def parse_inline(text: str, note_numbers: Collection[str] = ()) -> list[Inline]:
    """Split running text into plain strings, supplied words and note markers."""
    text = collapse_spaces(text)
    out: list[Inline] = []
    pos = 0
    for match in _BRACKET.finditer(text):
        node = _bracket_node(match, note_numbers)
        if node is None:
            continue
        if match.start() > pos:
            out.append(text[pos : match.start()])
        out.append(node)
        pos = match.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def _bracket_node(match: re.Match[str], note_numbers: Collection[str]) -> Inline | None:
    if match.group("sup"):
        n = match.group("sup").translate(SUPERSCRIPT_DIGITS)
        return NoteRef(n=n, marker=match.group(0)) if n in note_numbers else None
    inner = match.group("inner")
    if inner.isdigit() and inner in note_numbers and not _glued_to_digits(match):
        return NoteRef(n=inner, marker=match.group(0))
    if not re.search(r"\w", inner):
        return None  # "[...]", "[?]": punctuation the editor printed, kept as text
    return Supplied(inner)


def _glued_to_digits(match: re.Match[str]) -> bool:
    """"[19]23" is a supplied century, not note 19."""
    after = match.string[match.end() : match.end() + 1]
    return after.isdigit()


def plain_text(content: list[Inline]) -> str:
    """The words of inline content, for titles and matching."""
    parts: list[str] = []
    for node in content:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, Supplied):
            parts.append(node.text)
    return "".join(parts)
