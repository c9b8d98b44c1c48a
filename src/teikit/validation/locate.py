"""From the XPath a validator reports back to the element in the editor's file.

Saxon reports nodes as `fn:path()` strings (`/Q{ns}TEI[1]/Q{ns}text[1]/@ref`); lxml knows
each element's line, but not its column, so the column is found by scanning the file's
text (comments, CDATA and PIs blanked out) for the start tags in document order; a start
tag is taken only on the element's own line, else the line is given without a column.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import etree

_STEP = re.compile(
    r"(?P<attr>@)?(?:Q\{(?P<ns>[^}]*)\})?(?P<name>[^\[/{}@]+)(?:\[(?P<pos>\d+)\])?"
)


def split_path(path: str) -> list[str]:
    """The steps of a `fn:path()` string (braces may hold slashes: split outside them)."""
    steps, depth, current = [], 0, ""
    for ch in path:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "/" and depth == 0:
            if current:
                steps.append(current)
            current = ""
        else:
            current += ch
    if current:
        steps.append(current)
    return steps


def element_at(tree: etree._ElementTree, path: str) -> etree._Element | None:
    """The element a `fn:path()` names (for an attribute or text node: its parent element)."""
    node: etree._Element | None = None
    for step in split_path(path):
        if step.startswith(("@", "text()", "comment()", "processing-instruction(")):
            break
        m = _STEP.fullmatch(step)
        if not m:
            return node
        tag = f"{{{m['ns']}}}{m['name']}" if m["ns"] else m["name"]
        position = int(m["pos"] or 1)
        if node is None:
            root = tree.getroot()
            node = root if root.tag == tag else None
        else:
            matches = [child for child in node if child.tag == tag]
            node = matches[position - 1] if len(matches) >= position else None
        if node is None:
            return None
    return node


def readable(path: str) -> str:
    """`/Q{ns}TEI[1]/Q{ns}text[1]/@Q{}n` as `/TEI/text[1]/@n`."""
    text = re.sub(r"Q\{[^}]*\}", "", path)
    return re.sub(r"^/([^/\[]+)\[1\]", r"/\1", text)


def element_path(el: etree._Element) -> str:
    """A readable XPath for an lxml element, in the same form as `readable`."""
    steps = []
    node: etree._Element | None = el
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        if parent is None:
            steps.append(name)
        else:
            same = [c for c in parent if c.tag == node.tag]
            steps.append(f"{name}[{same.index(node) + 1}]")
        node = parent
    return "/" + "/".join(reversed(steps))


class Columns:
    """Line and column of each element's start tag, found by scanning the file's text once."""

    def __init__(self, tree: etree._ElementTree, source: bytes | str | None):
        self._tree = tree
        self._source = source
        self._positions: dict[etree._Element, tuple[int, int]] | None = None

    @classmethod
    def for_file(cls, tree: etree._ElementTree, path: Path | str | None) -> Columns:
        source = None
        if path is not None:
            try:
                source = Path(path).read_bytes()
            except OSError:
                source = None
        return cls(tree, source)

    def position(self, el: etree._Element) -> tuple[int | None, int | None]:
        if self._positions is None:
            self._positions = self._scan()
        if el in self._positions:
            return self._positions[el]
        return (el.sourceline, None)

    def _scan(self) -> dict[etree._Element, tuple[int, int]]:
        if self._source is None:
            return {}
        text = self._source.decode("utf-8", "replace") if isinstance(self._source, bytes) else self._source
        text = _MARKUP_WITHOUT_TAGS.sub(_blank, text)  # a start tag inside a comment, CDATA or PI is no start tag
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        positions: dict[etree._Element, tuple[int, int]] = {}
        cursor = 0
        for el in self._tree.getroot().iter():
            if not isinstance(el.tag, str):
                continue
            qname = etree.QName(el).localname
            prefix = el.prefix
            if prefix:
                qname = f"{prefix}:{qname}"
            found = _find_start_tag(text, line_starts, _start_tag(qname), cursor, el.sourceline)
            if found is None:
                continue  # not where the parser saw it: (sourceline, no column) rather than a wrong guess
            start, after = found
            cursor = after
            line = _line_of(line_starts, start)
            positions[el] = (line, start - line_starts[line - 1] + 1)
        return positions


# Comments, CDATA sections and processing instructions (the XML declaration too): their text is
# blanked out, newlines kept, so that offsets, lines and columns stay those of the file.
_MARKUP_WITHOUT_TAGS = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", re.DOTALL)
_TAG_REST = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _find_start_tag(text: str, line_starts: list[int], pattern: re.Pattern, cursor: int, sourceline: int | None) -> tuple[int, int] | None:
    """(offset, end of the match) of the element's start tag: the first match from `cursor`
    whose tag spans `sourceline` (libxml2 gives the line where the start tag ends)."""
    position = cursor
    while True:
        m = pattern.search(text, position)
        if m is None:
            return None
        if sourceline is None:
            return m.start(), m.end()
        line = _line_of(line_starts, m.start())
        if line > sourceline:
            return None
        if line == sourceline:
            return m.start(), m.end()
        rest = _TAG_REST.match(text, m.end())
        if rest is not None and _line_of(line_starts, rest.end() - 1) >= sourceline:
            return m.start(), m.end()
        position = m.end()


@functools.lru_cache(maxsize=512)
def _start_tag(qname: str) -> re.Pattern:
    return re.compile(r"<" + re.escape(qname) + r"(?=[\s/>])")


def _line_of(line_starts: list[int], offset: int) -> int:
    lo, hi = 0, len(line_starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if line_starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo + 1
