"""Tagging mentions of register entries in a document: persName/placeName/orgName[@ref].

Rules (issue 3):
- Body, back matter and notes are tagged; in the teiHeader only the name elements that
  are already there (author, correspDesc, respStmt) get a @ref: the header's prose
  elements (title, bibl...) are left alone.
- Text already inside a name (persName, placeName, orgName, rs, name) is never tagged
  again, nor text inside date, idno, num, term, code, a word or character (w, pc, c, g:
  tei_all allows no name there), or a `seg type="untagged"`. That makes tagging
  idempotent and keeps the editor's hand: a corrected @ref stays; a wrong tag
  an editor removes is kept from coming back by leaving the words in `<rs>` (or `<name>`)
  without @ref, or in `<seg type="untagged">` when they are no name at all.
- Names are whole words (not inside "Leninist"), may break over a line (white space, or an
  `<lb/>`/`<pb/>` that then moves inside the tag, as TEI allows), and keep a possessive
  outside the tag: `<persName ref="#stalin">Stalin</persName>’s`.
- A form two entries share (a surname) is resolved by the document's context: the one
  candidate the document otherwise names unambiguously. Otherwise the mention is
  tagged with every candidate in @ref and `@cert="low"` (an `rs` when the candidates are
  of different kinds), and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from lxml import etree

from teikit.enrichers import NEVER_TAGGED, document_label
from teikit.registers.lookup import Mention, NameIndex
from teikit.registers.model import KIND_OF_NAME, NAME_OF, T, local_name, refs_in

# Elements whose text is not tagged: names already, and elements TEI gives no names inside.
SKIP = NEVER_TAGGED | {"term", "ref", "pb", "lb", "cb", "milestone", "fw"}


@dataclass
class TagResult:
    tagged: int = 0  # new name elements in the text
    linked: int = 0  # header names that got a @ref
    warnings: list[str] = field(default_factory=list)


def _skipped(el: etree._Element) -> bool:
    local = local_name(el)
    return local in SKIP or (local == "seg" and el.get("type") == "untagged") or not local


def text_slots(el: etree._Element):
    """(owner, 'text'|'tail') for every piece of taggable text under `el`, in document order."""
    if _skipped(el):
        return
    yield el, "text"
    for child in el:
        if isinstance(child.tag, str):
            yield from text_slots(child)
        yield child, "tail"


MILESTONES = {"lb", "pb", "cb"}


@dataclass
class _Run:
    """Text that reads as one: a text or tail and the line, page and column breaks after it.

    'Austen <lb/>Chamberlain' is one run, so a name broken over a line or a page is one
    tag with the break inside (TEI allows lb and pb inside persName).
    """

    parent: etree._Element
    anchor: etree._Element | None  # the run starts in anchor.tail, or in parent.text when None
    breaks: list[etree._Element] = field(default_factory=list)

    def segments(self) -> list[tuple[str, etree._Element | None]]:
        """(text, None) and (separator, break element), in order."""
        first = self.parent.text if self.anchor is None else self.anchor.tail
        out: list[tuple[str, etree._Element | None]] = [(first or "", None)]
        for br in self.breaks:
            out.append(("" if br.get("break") == "no" else "\n", br))
            out.append((br.tail or "", None))
        return out

    def text(self) -> str:
        return "".join(text for text, _ in self.segments())


def _runs(el: etree._Element):
    """Every run of taggable text under `el`, in document order."""
    if _skipped(el):
        return
    run = _Run(el, None)
    for child in el:
        if isinstance(child.tag, str) and local_name(child) in MILESTONES:
            run.breaks.append(child)
            continue
        yield run
        if isinstance(child.tag, str):
            yield from _runs(child)
        run = _Run(el, child)
    yield run


class Tagger:
    """Tags one document against an index of the registers."""

    def __init__(self, index: NameIndex):
        self.index = index

    def tag(self, root: etree._Element) -> TagResult:
        result = TagResult()
        text = root.find(T + "text")
        runs = list(_runs(text)) if text is not None else []
        found = [(run, self.index.find(run.text())) for run in runs]
        header_names = self._header_names(root)
        context = {ref for ref, _ in refs_in(root)}
        context |= {m.candidates[0] for _, ms in found for m in ms if len(m.candidates) == 1}
        context |= {next(iter(c)) for _, c in header_names if len(c) == 1}
        for el, candidates in header_names:
            ref, cert = self._resolve(candidates, context)
            if ref and cert is None:  # a header name is linked only when sure
                el.set("ref", ref)
                result.linked += 1
        for run, mentions in found:
            if mentions:
                elements = [self._name_element(m, run.parent, context, result.warnings, root) for m in mentions]
                _rebuild(run, list(zip(mentions, elements)))
                result.tagged += len(elements)
        return result

    def _header_names(self, root: etree._Element) -> list[tuple[etree._Element, set[str]]]:
        header = root.find(T + "teiHeader")
        out = []
        if header is None:
            return out
        for el in header.iter(*(T + n for n in NAME_OF.values())):
            if el.get("ref") is None:
                kind = KIND_OF_NAME[local_name(el)]
                candidates = {c for c in self.index.lookup_written("".join(el.itertext())) if self.index.kind_of[c] == kind}
                if candidates:
                    out.append((el, candidates))
        return out

    @staticmethod
    def _resolve(candidates, context: set[str]) -> tuple[str, str | None]:
        candidates = set(candidates)
        if len(candidates) == 1:
            return "#" + next(iter(candidates)), None
        known = candidates & context
        if len(known) == 1:
            return "#" + next(iter(known)), None
        return " ".join("#" + c for c in sorted(candidates)), "low"

    def _name_element(self, m: Mention, parent, context, warnings, root) -> etree._Element:
        ref, cert = self._resolve(m.candidates, context)
        kinds = {self.index.kind_of[token[1:]] for token in ref.split()}
        el = etree.Element(T + (NAME_OF[kinds.pop()] if len(kinds) == 1 else "rs"), ref=ref)
        if cert:
            el.set("cert", cert)
            where = f" (line {parent.sourceline})" if parent.sourceline else ""
            warnings.append(f"{document_label(root)}{where}: '{' '.join(m.surface.split())}' may be {ref.replace(' ', ' or ')}; tagged cert=\"low\"")
        return el


def _rebuild(run: _Run, tagged: list[tuple[Mention, etree._Element]]) -> None:
    """Put the name elements around their mentions, moving breaks inside a name into it.

    Only this run's text, tails and breaks change; everything else stays as it was.
    """
    items: list[tuple[int | None, str | etree._Element]] = []  # (mention number or None, text or break)
    position = 0
    bounds = [(m.start, m.end) for m, _ in tagged]

    def owner(start: int, end: int) -> int | None:
        if start == end:  # a break that joins words: inside a name only strictly within it
            return next((i for i, (a, b) in enumerate(bounds) if a < start < b), None)
        return next((i for i, (a, b) in enumerate(bounds) if a <= start and end <= b), None)

    for text, br in run.segments():
        if br is not None:
            items.append((owner(position, position + len(text)), br))
            position += len(text)
            continue
        cuts = sorted({0, len(text)} | {p - position for a, b in bounds for p in (a, b) if position < p < position + len(text)})
        for a, b in pairwise(cuts):
            items.append((owner(position + a, position + b), text[a:b]))
        position += len(text)
    parent = run.parent
    for br in run.breaks:
        br.tail = None
        parent.remove(br)
    top: list[str | etree._Element] = []
    placed: set[int] = set()
    for number, item in items:
        if number is None:
            top.append(item)
            continue
        element = tagged[number][1]
        if number not in placed:
            placed.add(number)
            top.append(element)
        _append(element, item)
    lead, following = _split_lead(top)
    if run.anchor is None:
        parent.text = lead or None
        index = 0
    else:
        run.anchor.tail = lead or None
        index = parent.index(run.anchor) + 1
    for offset, (el, tail) in enumerate(following):
        el.tail = tail or None
        parent.insert(index + offset, el)


def _append(element: etree._Element, item: str | etree._Element) -> None:
    if isinstance(item, str):
        if len(element):
            element[-1].tail = (element[-1].tail or "") + item
        else:
            element.text = (element.text or "") + item
    else:
        element.append(item)


def _split_lead(items: list) -> tuple[str, list[tuple[etree._Element, str]]]:
    """'a', El, 'b', 'c', El -> ('a', [(El, 'bc'), (El, '')])."""
    lead, out = "", []
    for item in items:
        if isinstance(item, str):
            if out:
                out[-1] = (out[-1][0], out[-1][1] + item)
            else:
                lead += item
        else:
            out.append((item, ""))
    return lead, out


def tag_names(root: etree._Element, index: NameIndex) -> TagResult:
    """Tag every mention of a register entry in one document (see the module's rules)."""
    return Tagger(index).tag(root)
