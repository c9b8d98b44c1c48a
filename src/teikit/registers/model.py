"""The three registers (persons, places, organisations) as TEI trees with an index.

The register files are the editors' files as much as teikit's: an editor may add a
`sex`, a `residence` or a `bibl` teikit knows nothing about. So a register is kept as its
lxml tree, and `Entry` is a view onto one `person`/`place`/`org` element: reading and
writing a register never drops what teikit does not model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
T = f"{{{TEI_NS}}}"

KINDS = ("person", "place", "org")
FILE_OF = {"person": "persons.xml", "place": "places.xml", "org": "orgs.xml"}
LIST_OF = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
NAME_OF = {"person": "persName", "place": "placeName", "org": "orgName"}
KIND_OF_NAME = {v: k for k, v in NAME_OF.items()}
TITLE_OF = {"person": "Register of persons", "place": "Register of places", "org": "Register of organisations"}

# The elements that name an entry in a document and point to it with @ref.
NAME_ELEMENTS = frozenset({"persName", "placeName", "orgName", "rs", "name"})
_NOT_ID_CHARACTERS = re.compile(r"[^a-z0-9]+")

# The order of an entry's children teikit writes (all valid in person, place and org).
_CHILD_ORDER = ["persName", "placeName", "orgName", "birth", "death", "occupation", "affiliation", "idno", "note"]


def local_name(el: etree._Element) -> str:
    """An element's name without namespace; "" for comments and processing instructions."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def refs_in(root: etree._Element) -> list[tuple[str, int]]:
    """(entry id, line) for every local pointer in the @ref of a name in a document."""
    out = []
    for el in root.iter():
        if local_name(el) in NAME_ELEMENTS:
            for token in (el.get("ref") or "").split():
                if token.startswith("#"):
                    out.append((token[1:], el.sourceline or 0))
    return out


def clean_id(wanted: str) -> str:
    """The register id a wish becomes: lowercase ASCII letters and digits in words joined by
    single hyphens, starting with a letter ('Lloyd George' -> 'lloyd-george', '1905' -> 'x-1905')."""
    base = _NOT_ID_CHARACTERS.sub("-", wanted.lower()).strip("-") or "entry"
    return base if base[0].isalpha() else "x-" + base


def is_valid_id(text: str) -> bool:
    """Whether `text` is an id teikit keeps as it is (the one rule for ids: `clean_id` leaves it unchanged)."""
    return clean_id(text) == text


def unique_id(wanted: str, taken: set[str]) -> str:
    """`clean_id(wanted)`, or with -2, -3... appended, so that it is none of `taken`."""
    base = clean_id(wanted)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def normalise_name(text: str) -> str:
    """One spelling of a name for comparisons: single spaces, straight apostrophes."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split())


@dataclass
class Entry:
    """One register entry: a view onto its TEI element."""

    element: etree._Element
    kind: str
    registers: Registers | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.element.get(XML_ID, "")

    def _names(self) -> list[etree._Element]:
        return self.element.findall(T + NAME_OF[self.kind])

    @property
    def preferred(self) -> str | None:
        preferred = [n for n in self._names() if n.get("type") == "preferred"]
        return normalise_name("".join(preferred[0].itertext())) if len(preferred) == 1 else None

    @property
    def preferred_count(self) -> int:
        return sum(1 for n in self._names() if n.get("type") == "preferred")

    @property
    def names(self) -> list[tuple[str, str]]:
        """(name, type) for every name of the entry, preferred first."""
        out = [(normalise_name("".join(n.itertext())), n.get("type", "")) for n in self._names()]
        return sorted((n for n in out if n[0]), key=lambda n: n[1] != "preferred")

    def has_name(self, name: str) -> bool:
        return normalise_name(name) in {n for n, _ in self.names}

    def add_name(self, name: str, type_: str = "variant") -> bool:
        """Add a variant (or pseudonym, birth name); False if the entry already has it."""
        if self.has_name(name):
            return False
        el = etree.Element(T + NAME_OF[self.kind], type=type_)
        el.text = normalise_name(name)
        names = self._names()
        if names:
            names[-1].addnext(el)
        else:
            self.element.insert(0, el)
        if self.registers is not None:
            self.registers.revision += 1
        return True

    def add_child(self, el: etree._Element) -> None:
        """Insert a birth/death/occupation/note/idno in teikit's order."""
        rank = _CHILD_ORDER.index(local_name(el))
        for i, child in enumerate(self.element):
            local = local_name(child)
            if local in _CHILD_ORDER and _CHILD_ORDER.index(local) > rank:
                self.element.insert(i, el)
                return
        self.element.append(el)

    @property
    def note(self) -> str | None:
        """The first note: the short description used for tooltips."""
        note = self.element.find(T + "note")
        return " ".join("".join(note.itertext()).split()) if note is not None else None


@dataclass
class Registers:
    """The edition's three registers: trees by kind and entries by xml:id."""

    folder: Path
    trees: dict[str, etree._ElementTree] = field(default_factory=dict)
    original: dict[str, bytes] = field(default_factory=dict)  # the bytes last read or written
    revision: int = 0  # counts teikit's changes to names, so the name index is rebuilt only then
    _index: tuple | None = field(default=None, repr=False, compare=False)

    def name_index(self):
        """The NameIndex of the registers as they are now (built once per revision)."""
        from teikit.registers.lookup import NameIndex

        if self._index is None or self._index[0] != self.revision:
            self._index = (self.revision, NameIndex(self))
        return self._index[1]

    def entries(self, kind: str | None = None) -> list[Entry]:
        out = []
        for k in KINDS if kind is None else (kind,):
            tree = self.trees.get(k)
            if tree is not None:
                out += [Entry(el, k, self) for el in tree.getroot().iter(T + k)]
        return out

    def get(self, entry_id: str) -> Entry | None:
        for entry in self.entries():
            if entry.id == entry_id:
                return entry
        return None

    def ids(self) -> set[str]:
        return {e.id for e in self.entries()}

    def unique_id(self, wanted: str) -> str:
        """`wanted`, or `wanted-2`, `wanted-3`... so ids stay unique across the registers."""
        return unique_id(wanted, self.ids())

    def add_entry(self, kind: str, preferred: str, entry_id: str | None = None) -> Entry:
        """A new entry with its preferred name, appended to its register's list."""
        from teikit.registers.store import (
            list_element,  # the file skeleton lives with the I/O
        )

        el = etree.SubElement(list_element(self, kind), T + kind)
        el.set(XML_ID, self.unique_id(entry_id or preferred))
        name = etree.SubElement(el, T + NAME_OF[kind], type="preferred")
        name.text = normalise_name(preferred)
        self.revision += 1
        return Entry(el, kind, self)


def slug(text: str, max_words: int = 4) -> str:
    """A register xml:id from a name: lowercase ASCII words joined by hyphens ('Lloyd George' -> 'lloyd-george')."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text.lower().replace("-", " ").replace("'", "").replace("\u2019", ""))
    words = re.findall(r"[a-z0-9]+", text.encode("ascii", "ignore").decode())
    return "-".join(words[:max_words])
