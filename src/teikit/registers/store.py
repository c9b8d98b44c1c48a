"""Reading and writing tei/registers/{persons,places,orgs}.xml.

Each register is a complete TEI document (valid against tei_all) whose body holds one
listPerson / listPlace / listOrg. Files are written with `write_atomic` and the same
deterministic serialisation as the documents, and only when their content changes, so
running an enricher twice leaves every register byte for byte as it was.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit.editionfiles import REGISTERS_FOLDER
from teikit.registers.model import (
    FILE_OF,
    KINDS,
    LIST_OF,
    TEI_NS,
    TITLE_OF,
    Registers,
    T,
)
from teikit.teifile import XML_DECLARATION, serialize, write_atomic
from teikit.xmlio import parse_xml


class RegisterError(Exception):
    """A register file that cannot be used: one line, with the file's name."""


def registers_folder_for(documents: Path) -> Path:
    """tei/registers/ for a folder of documents, or for the folder a document is in."""
    base = documents if documents.is_dir() else documents.parent
    if base.name == REGISTERS_FOLDER:
        return base
    return base / REGISTERS_FOLDER


def load_registers(folder: Path) -> Registers:
    """The registers in `folder`; a missing file is an empty register (created when needed)."""
    registers = Registers(folder)
    for kind in KINDS:
        path = folder / FILE_OF[kind]
        if not path.exists():
            continue
        tree = parse_xml(path)
        root = tree.getroot()
        if root.tag != T + "TEI":
            raise RegisterError(f"{path}: not a TEI register (root element is {etree.QName(root).localname})")
        if root.find(f".//{T}{LIST_OF[kind]}") is None and root.find(f"{T}text/{T}body/{T}p") is None:
            raise RegisterError(f"{path}: no {LIST_OF[kind]} in the body")
        registers.trees[kind] = tree
        registers.original[kind] = path.read_bytes()
    return registers


def new_register(kind: str) -> etree._ElementTree:
    """An empty register file: a TEI header saying what it is, a body with the list."""
    E = lambda tag, *children, **attrib: _el(tag, children, attrib)
    root = E(
        "TEI",
        E("teiHeader",
          E("fileDesc",
            E("titleStmt", E("title", TITLE_OF[kind])),
            E("publicationStmt", E("authority", "Edition in preparation, encoded with teikit")),
            E("sourceDesc", E("p", "Compiled from the edition's documents: their biographical notes, "
                                   "glosses, and the editors' review of names teikit suggested.")))),
        E("text", E("body", E(LIST_OF[kind]))),
    )
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    return etree.ElementTree(root)


def _el(tag: str, children: tuple, attrib: dict) -> etree._Element:
    el = etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS} if tag == "TEI" else None, **attrib)
    for child in children:
        if isinstance(child, str):
            el.text = child
        else:
            el.append(child)
    return el


def list_element(registers: Registers, kind: str) -> etree._Element:
    """The register's list element, creating the file's tree if there is none yet."""
    if kind not in registers.trees:
        registers.trees[kind] = new_register(kind)
    root = registers.trees[kind].getroot()
    found = root.find(f".//{T}{LIST_OF[kind]}")
    if found is None:
        body = root.find(f"{T}text/{T}body")
        for p in body.findall(f"{T}p"):
            body.remove(p)
        found = etree.SubElement(body, T + LIST_OF[kind])
    return found


def register_bytes(tree: etree._ElementTree) -> bytes:
    root = tree.getroot()
    # A list emptied by an editor is not valid TEI: say so in a paragraph instead.
    for kind in KINDS:
        for lst in root.iter(T + LIST_OF[kind]):
            if not len(lst):
                p = etree.Element(T + "p")
                p.text = "No entries yet."
                lst.addprevious(p)
                lst.getparent().remove(lst)
    return XML_DECLARATION + serialize(root)


def save_registers(registers: Registers) -> list[Path]:
    """Write every register whose content changed; the paths written."""
    written = []
    for kind, tree in sorted(registers.trees.items()):
        data = register_bytes(tree)
        path = registers.folder / FILE_OF[kind]
        if registers.original.get(kind) == data and path.exists():
            continue
        if path.exists() and path.read_bytes() == data:
            registers.original[kind] = data
            continue
        write_atomic(path, data)
        registers.original[kind] = data
        written.append(path)
    return written
