"""What a document's rules need from the rest of its edition: the registers, the other documents.

teikit.sch checks `@ref="#x"` against `tei/registers/*.xml` and warns about register entries
no document uses. Saxon could read those files itself (`doc()`), but its parser expands
external entities; so teikit parses them with `teikit.xmlio` once a folder and hands them
to the rules as parameters (`registers`, `edition`).
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree
from saxonche import PyXdmNode

from teikit import saxon
from teikit.xmlio import XMLInputError, parse_xml

REGISTER_FILES = ("persons.xml", "places.xml", "orgs.xml")
HOLDER = "{urn:teikit:validation}documents"


def registers_folder(document: Path) -> Path:
    """`registers/` beside a document, or the folder of a register file itself."""
    folder = document.resolve().parent
    return folder if folder.name == "registers" else folder / "registers"


def is_register_file(document: Path) -> bool:
    return document.resolve().parent.name == "registers" and document.name in REGISTER_FILES


class EditionContext:
    """Registers and edition documents, parsed once a folder and reused for every file."""

    def __init__(self, parsed: dict[Path, etree._ElementTree] | None = None):
        self._parsed = {p.resolve(): t for p, t in (parsed or {}).items()}
        self._registers: dict[Path, PyXdmNode] = {}
        self._editions: dict[Path, PyXdmNode] = {}
        self._nothing: PyXdmNode | None = None

    def params(self, document: Path, wanted: list[str]) -> dict[str, PyXdmNode]:
        """The `registers` and `edition` parameters for `document`, if the rules declare them."""
        params: dict[str, PyXdmNode] = {}
        if "registers" in wanted:
            params["registers"] = self.registers(registers_folder(document))
        if "edition" in wanted:
            if is_register_file(document):
                params["edition"] = self.edition(document.resolve().parent.parent)
            else:
                params["edition"] = self._empty()
        return params

    def _empty(self) -> PyXdmNode:
        if self._nothing is None:
            self._nothing = self._holder([])
        return self._nothing

    def registers(self, folder: Path) -> PyXdmNode:
        if folder not in self._registers:
            trees = [self._tree(folder / name) for name in REGISTER_FILES]
            self._registers[folder] = self._holder([t for t in trees if t is not None])
        return self._registers[folder]

    def edition(self, folder: Path) -> PyXdmNode:
        if folder not in self._editions:
            trees = [self._tree(path) for path in sorted(folder.glob("*.xml"))]
            self._editions[folder] = self._holder([t for t in trees if t is not None])
        return self._editions[folder]

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

    def _holder(self, trees: list[etree._ElementTree]) -> PyXdmNode:
        holder = etree.Element(HOLDER)
        for tree in trees:
            holder.append(copy.deepcopy(tree.getroot()))
        return saxon.to_xdm(holder)

