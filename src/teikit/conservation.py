"""Nothing lost: every word of a raw page is either in the TEI or in the drop ledger.

The importer runs this on every page it converts, so a reader that loses text is caught
at import time on any corpus, not only by the tests on the samples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from teikit.inline import SUPERSCRIPT_DIGITS
from teikit.model import Dropped

# Letters and digits are separate words: a footnote marker glued to a word ("articles4")
# leaves the word in the text and its number in the note's @n.
WORD = re.compile(r"[^\W\d_]+|\d+")


_SUPERSCRIPT = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")


def words(text: str) -> list[str]:
    """Superscript digits (footnote markers) count as the digits they are."""
    if _SUPERSCRIPT.search(text):
        text = text.translate(SUPERSCRIPT_DIGITS)
    return WORD.findall(text)


def kept_lines(text: str, dropped: Iterable[Dropped]) -> list[str]:
    """The page's lines with every dropped line, or dropped part of a line, taken out."""
    lines = text.split("\n")
    for item in dropped:
        i = item.line - 1
        if not 0 <= i < len(lines):
            continue
        line, col = lines[i], item.column
        if col is not None and line[col : col + len(item.text)] == item.text:
            lines[i] = line[:col] + " " * len(item.text) + line[col + len(item.text) :]
        else:
            lines[i] = line.replace(item.text, " ", 1)
    return lines


# Text teikit writes itself, which must not count as keeping a word of the page.
_GENERATED = etree.XPath(
    "//t:encodingDesc | //t:publicationStmt/t:authority | //t:langUsage | //t:textClass",
    namespaces={"t": "http://www.tei-c.org/ns/1.0"},
)


def tei_words(roots: Iterable[etree._Element]) -> set[str]:
    found: set[str] = set()
    for root in roots:
        generated = {el for part in _GENERATED(root) for el in part.iter()}  # holds the proxies
        texts = [el.text for el in root.iter() if el.text and el not in generated]
        texts += [el.tail for el in root.iter() if el.tail and el.getparent() not in generated]
        found.update(words(" ".join(texts)))
        for el in root.iter():  # a footnote's or a page's number lives in its @n
            if el.get("n"):
                found.update(words(el.get("n")))
    return found


def lost_words(text: str, dropped: Iterable[Dropped], roots: Iterable[etree._Element]) -> list[str]:
    """Words of the page outside the drop ledger that occur nowhere in the TEI."""
    have = tei_words(roots)
    lost: list[str] = []
    seen: set[str] = set()
    for line in kept_lines(text, dropped):
        for word in words(line):
            if word not in have and word not in seen:
                seen.add(word)
                lost.append(word)
    return lost
