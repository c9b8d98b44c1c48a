"""Reading XML safely: no external entities, no DTD fetched, no network, no entity bombs.

Every XML file teikit reads (TEI documents, registers, schemas, review files) goes
through `parse_xml`, so a hostile or broken file becomes one clear error with its line
and column instead of a traceback, a network request or a machine out of memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree


@dataclass
class XMLInputError(Exception):
    """A file that is not usable XML: where and why, in the form editors' tools print."""

    path: Path | str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


def safe_parser(remove_blank_text: bool = False) -> etree.XMLParser:
    """A parser that never reads anything but the file itself.

    Internal entities are left unexpanded (`resolve_entities=False`), which defuses
    "billion laughs" bombs; documents that declare entities are refused by `parse_xml`.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
    )


def parse_xml(source: Path | str | bytes, name: str | None = None) -> etree._ElementTree:
    """Parse a file (a path) or bytes; raise `XMLInputError` for anything unusable.

    An `xml:id` that is not an NCName (`xml:id="[UUID]"` in a template) is accepted: that
    is a validity error, which the validator reports, not a well-formedness one, and the
    writers can still render the document.
    """
    label: Path | str = name or (source if isinstance(source, (Path, str)) else "<input>")
    if isinstance(source, (Path, str)):
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise XMLInputError(label, "no such file") from None
        except IsADirectoryError:
            raise XMLInputError(label, "is a folder, not an XML file") from None
        except OSError as err:
            raise XMLInputError(label, f"cannot be read ({err.strerror or err})") from None
    else:
        data = source
    if not data.strip():
        raise XMLInputError(label, "empty file, not XML")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise XMLInputError(label, "binary file, not XML")
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=str(label)))
    except etree.XMLSyntaxError as err:
        tolerated = _parse_tolerating_ids(data, label)
        if tolerated is not None:
            return tolerated
        line, column = err.position if err.position else (None, None)
        message = err.msg or str(err)
        message = message.split(f"{label}:", 1)[-1].strip() if message else "not well-formed"
        raise XMLInputError(label, f"not well-formed XML: {_clean(message)}", line, column) from None
    refuse_entity_declarations(tree, label)
    return tree


def _parse_tolerating_ids(data: bytes, label: Path | str) -> etree._ElementTree | None:
    """The tree, if invalid `xml:id` values were the parse's only errors; else None."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser, base_url=str(label))
    except etree.XMLSyntaxError:
        return None
    entries = list(parser.error_log)
    if root is None or not entries or any(e.type_name != "DTD_XMLID_VALUE" for e in entries):
        return None
    tree = etree.ElementTree(root)
    refuse_entity_declarations(tree, label)
    return tree


def refuse_entity_declarations(tree: etree._ElementTree, label: Path | str) -> None:
    """Entities declared in a DOCTYPE are how XXE and expansion bombs work: refuse them."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None:
        for entity in dtd.iterentities():
            kind = "external" if entity.system_url else "internal"
            raise XMLInputError(
                label,
                f"declares the {kind} entity '{entity.name}'; entity declarations are not accepted "
                "(they can read local files or expand without bound)",
                1,
            )
    # An external DTD (`<!DOCTYPE TEI SYSTEM "...">`) is never fetched: the document is read
    # without it, and an entity only such a DTD could define is refused, not left for others.
    for node in tree.iter(etree.Entity):
        raise XMLInputError(
            label,
            f"uses the entity '&{node.name};' that only a DTD could define; teikit reads no DTD "
            "(write the character itself)",
            node.sourceline,
        )


def _clean(message: str) -> str:
    """libxml2 messages carry ", line N, column M", which the location already says."""
    return re.sub(r",? line \d+, column \d+", "", message).strip()
