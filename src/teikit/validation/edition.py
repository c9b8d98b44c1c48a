"""What a document's rules need from the rest of its edition: the registers, the other documents.

teikit.sch checks `@ref="#x"` against `tei/registers/*.xml` and warns about register entries
no document uses. A document's edition is the nearest folder above it holding `registers/`
(documents may sit in sub-folders); its documents are all the *.xml below that folder, the
registers and hidden files aside. Saxon could read those files itself (`doc()`), but its
parser expands external entities; so teikit parses them with `teikit.xmlio` once an edition
and hands them to the rules as parameters (`registers`, `edition`).
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from teikit import saxon
from teikit.saxon import native_stderr
from teikit.xmlio import XMLInputError, parse_xml

REGISTERS = "registers"
REGISTER_FILES = ("persons.xml", "places.xml", "orgs.xml")
HOLDER = "{urn:teikit:validation}documents"
INTERNAL_PARAMS = ("registers", "edition")  # set here for every document, never by the user


def edition_root(start: Path) -> Path | None:
    """The nearest folder, from `start` (a document or a folder) upwards, that holds `registers/`
    with a register file in it: the edition `start` belongs to."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        registers = candidate / REGISTERS
        if registers.is_dir() and any((registers / name).is_file() for name in REGISTER_FILES):
            return candidate
    return None


def is_register_file(document: Path) -> bool:
    return document.resolve().parent.name == REGISTERS and document.name in REGISTER_FILES


def edition_documents(root: Path) -> list[Path]:
    """The edition's documents: every *.xml under `root`, in sub-folders too, without the
    registers and hidden files or folders (what `collect_files` finds, registers aside)."""
    found = []
    for path in sorted(root.rglob("*.xml")):
        parts = path.relative_to(root).parts
        if REGISTERS in parts[:-1] or any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        found.append(path)
    return found


def carries_refs(tree: etree._ElementTree) -> bool:
    """Whether a document has a name pointing (`@ref="#x"`) to a register entry."""
    return bool(REFS(tree))


REFS = etree.XPath(
    "//*[self::t:persName or self::t:placeName or self::t:orgName or self::t:rs][contains(@ref, '#')]",
    namespaces={"t": "http://www.tei-c.org/ns/1.0"},
)


class EditionContext:
    """Registers and edition documents, parsed once an edition and reused for every file.

    A document's edition is the nearest folder above it that holds `registers/`: documents
    may sit in sub-folders (`tei/1918/`), and a file given alone still finds its registers.
    """

    def __init__(self, parsed: dict[Path, etree._ElementTree] | None = None):
        self._parsed = {p.resolve(): t for p, t in (parsed or {}).items()}
        self._roots: dict[Path, Path | None] = {}
        self._registers: dict[Path | None, PyXdmNode] = {}
        self._editions: dict[Path, PyXdmNode] = {}
        self._nothing: PyXdmNode | None = None
        self.refs_unchecked: list[Path] = []  # documents with @ref="#x" and no registers found

    def root(self, document: Path) -> Path | None:
        folder = document.resolve().parent
        if folder not in self._roots:
            self._roots[folder] = edition_root(folder)
        return self._roots[folder]

    def params(self, document: Path, wanted: list[str], tree: etree._ElementTree | None = None) -> dict[str, PyXdmNode]:
        """The `registers` and `edition` parameters for `document`, if the rules declare them."""
        params: dict[str, PyXdmNode] = {}
        root = self.root(document)
        if "registers" in wanted:
            params["registers"] = self.registers(root / REGISTERS if root else None)
            if root is None and tree is not None and carries_refs(tree):
                self.refs_unchecked.append(document)
        if "edition" in wanted:
            if root is not None and is_register_file(document) and document.resolve().parent == root / REGISTERS:
                params["edition"] = self.edition(root)
            else:
                params["edition"] = self._empty()
        return params

    def _empty(self) -> PyXdmNode:
        if self._nothing is None:
            self._nothing = _value(self._holder([]))
        return self._nothing

    def registers(self, folder: Path | None) -> PyXdmNode:
        if folder is None:
            return self._empty()
        if folder not in self._registers:
            trees = [self._tree(folder / name) for name in REGISTER_FILES]
            self._registers[folder] = self._holder([t for t in trees if t is not None], f"{folder}: the registers")
        return _value(self._registers[folder])

    def edition(self, root: Path) -> PyXdmNode:
        if root not in self._editions:
            trees = [self._tree(path) for path in edition_documents(root)]
            self._editions[root] = self._holder([t for t in trees if t is not None], f"{root}: the edition's documents")
        return _value(self._editions[root])

    def _tree(self, path: Path) -> etree._ElementTree | None:
        path = path.resolve()
        if path not in self._parsed:
            if not path.is_file():
                return None
            try:
                self._parsed[path] = parse_xml(path)
            except XMLInputError:
                return None  # reported when that file itself is validated
        return self._parsed[path]

    def _holder(self, trees: list[etree._ElementTree], what: str = "") -> PyXdmNode | saxon.XSLTError:
        """The trees under one element, as Saxon's document; or, when Saxon's parser refuses
        them (say, nested deeper than it allows), the error, kept so as to be raised for each
        document that needs them (`_value`) and reported as that document's finding."""
        holder = etree.Element(HOLDER)
        for tree in trees:
            holder.append(copy.deepcopy(tree.getroot()))
        problem = None
        with native_stderr():  # Saxon prints its parser's complaint on fd 2 itself
            try:
                return saxon.to_xdm(holder)
            except saxon.XSLTError as err:
                problem = saxon.XSLTError(f"{what} cannot be handed to the rules: {err}")
        return problem


def _value(value: PyXdmNode | saxon.XSLTError) -> PyXdmNode:
    if isinstance(value, saxon.XSLTError):
        raise saxon.XSLTError(str(value))
    return value

