"""Writing TEI files: stable serialisation, the import stamp, editors' work kept safe.

Each file teikit writes starts with a processing instruction recording a checksum of the
rest of the file as teikit last wrote it. If the file no longer matches its checksum, an
editor has changed it, and a re-import refuses to overwrite it unless forced. Enrichers
(`teikit entities tag`) rewrite files after import; the stamp then also records, as
`import`, what the import itself wrote, so that a re-import can tell "the raw text has not
changed" from "the import would now write something else". Writes go to a temporary
file that is renamed into place, so a crash never leaves half a file.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"

# Elements whose content is only other elements in what teikit writes: safe to indent.
# Everything else (p, head, note, salute, title, bibl, ...) may hold mixed content, where
# added white space would change the text; those are left exactly as built.
STRUCTURAL = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "author", "respStmt", "publicationStmt",
    "availability", "notesStmt", "sourceDesc", "msDesc", "msIdentifier", "physDesc",
    "encodingDesc", "appInfo", "application", "profileDesc", "creation", "langUsage",
    "textClass", "keywords", "correspDesc", "correspAction", "text", "front", "body", "back",
    "div", "quote", "sp", "opener", "closer", "postscript", "listPerson", "listPlace",
    "listOrg", "person", "place", "org", "listBibl", "revisionDesc", "standOff",
}

STAMP_TARGET = "teikit-import"
_STAMP_LINE = re.compile(
    rb'<\?teikit-import checksum="sha256:([0-9a-f]{64})"(?: import="sha256:([0-9a-f]{64})")?(?: source="([^"<>&]*)")?\?>\n'
)
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def indent(el: etree._Element, level: int = 0, step: str = "  ") -> None:
    """Indent element-only content; never add white space inside mixed content."""
    if not isinstance(el.tag, str) or etree.QName(el).localname not in STRUCTURAL or not len(el):
        return
    if (el.text and el.text.strip()) or any(child.tail and child.tail.strip() for child in el):
        return
    inner = "\n" + step * (level + 1)
    el.text = inner
    for child in el:
        if isinstance(child.tag, str):  # comments and processing instructions are left as they are
            indent(child, level + 1, step)
        child.tail = inner
    el[-1].tail = "\n" + step * level


def serialize(root: etree._Element) -> bytes:
    """The body of a TEI file (everything after the stamp), deterministic byte for byte."""
    indent(root)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=False) + b"\n"


def checksum(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def stamp_source(source: str) -> str:
    """The raw input's name as the stamp can hold it (no quotes or markup characters)."""
    return re.sub(r'["<>&]', "_", source)


def stamped(body: bytes, source: str | None, imported: str | None = None) -> bytes:
    """The file: declaration, the stamp, body.

    The stamp holds the checksum of the body, the checksum of what the import wrote when
    an enricher has changed the file since (`imported`), and the raw input it came from.
    """
    own = checksum(body)
    line = f'<?{STAMP_TARGET} checksum="sha256:{own}"'
    if imported and imported != own:
        line += f' import="sha256:{imported}"'
    if source is not None:
        line += f' source="{stamp_source(source)}"'
    return XML_DECLARATION + (line + "?>\n").encode() + body


class FileState(Enum):
    ABSENT = "absent"
    AS_IMPORTED = "as imported"
    EDITED = "edited since import"
    NOT_IMPORTED = "not written by teikit import"


@dataclass
class Stamp:
    state: FileState
    checksum: str | None = None  # of the body as teikit last wrote it
    source: str | None = None  # the raw input it was imported from
    import_checksum: str | None = None  # of the body the import wrote, if an enricher changed it since

    @property
    def imported(self) -> str | None:
        """The checksum of what the import last wrote."""
        return self.import_checksum or self.checksum


def read_stamp(path: Path) -> Stamp:
    """Has anyone changed this file since teikit wrote it, and from which input did it come?"""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Stamp(FileState.ABSENT)
    if not data.startswith(XML_DECLARATION):
        return Stamp(FileState.NOT_IMPORTED)
    m = _STAMP_LINE.match(data, len(XML_DECLARATION))
    if not m:
        return Stamp(FileState.NOT_IMPORTED)
    recorded = m.group(1).decode()
    imported = m.group(2).decode() if m.group(2) is not None else None
    source = m.group(3).decode() if m.group(3) is not None else None
    state = FileState.AS_IMPORTED if checksum(data[m.end() :]) == recorded else FileState.EDITED
    return Stamp(state, recorded, source, imported)


def file_state(path: Path) -> FileState:
    return read_stamp(path).state


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    The new file keeps the old one's permissions, or gets the usual ones (umask), not
    the private mode temporary files are created with.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class WriteStatus(Enum):
    WRITTEN = "written"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT = "kept, edited by hand"
    REFUSED = "refused"


@dataclass
class WriteOutcome:
    path: Path
    status: WriteStatus
    reason: str = ""


def write_tei(path: Path, body: bytes, source: str, force: bool = False) -> WriteOutcome:
    """Write a serialised document unless that would destroy an editor's work.

    When the import would write what it wrote last time, the file is left as it is: it is
    newer (tagged by an enricher, or corrected by an editor). A file edited since teikit
    last wrote it is refused when the import now differs, since replacing it would lose
    the corrections. A file imported from another input is never taken over.
    """
    data = stamped(body, source)
    stamp = read_stamp(path)
    if stamp.state is FileState.ABSENT:
        write_atomic(path, data)
        return WriteOutcome(path, WriteStatus.WRITTEN)
    if not force:
        if stamp.source is not None and stamp.source != stamp_source(source):
            return WriteOutcome(path, WriteStatus.REFUSED, f"{path}: imported from {stamp.source}; not overwritten")
        if stamp.imported == checksum(body) and stamp.state is not FileState.NOT_IMPORTED:
            status = WriteStatus.UNCHANGED if stamp.state is FileState.AS_IMPORTED else WriteStatus.KEPT
            return WriteOutcome(path, status)
        if stamp.state is not FileState.AS_IMPORTED:
            return WriteOutcome(
                path, WriteStatus.REFUSED, f"{path}: {stamp.state.value}; not overwritten (use --force to replace it)"
            )
    if path.read_bytes() == data:
        return WriteOutcome(path, WriteStatus.UNCHANGED)
    write_atomic(path, data)
    return WriteOutcome(path, WriteStatus.UPDATED)


def rewrite_tei(path: Path, root: etree._Element) -> bool:
    """Write an enriched document back; True if the file changed.

    A file as teikit last wrote it gets a new stamp (it is still teikit's output, and a
    re-import may replace it); a file an editor changed keeps its old stamp, so it stays
    marked as edited and no import overwrites it. A file teikit did not write is written
    without a stamp.
    """
    stamp = read_stamp(path)
    body = _outside_root(root, before=True) + serialize(root) + _outside_root(root, before=False)
    if stamp.state is FileState.AS_IMPORTED:
        data = stamped(body, stamp.source, imported=stamp.imported)
    elif stamp.state is FileState.EDITED:
        old = path.read_bytes()
        head = _STAMP_LINE.match(old, len(XML_DECLARATION))
        assert head is not None
        data = old[: head.end()] + body
    else:
        data = etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True) + b"\n"
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, data)
    return True


def _outside_root(root: etree._Element, before: bool) -> bytes:
    """Comments and processing instructions an editor put before or after the root element
    (`<?xml-model ...?>`), the import stamp excepted: kept when an enricher writes the file."""
    siblings = root.itersiblings(preceding=True) if before else root.itersiblings()
    kept = [node for node in siblings if not (isinstance(node, etree._ProcessingInstruction) and node.target == STAMP_TARGET)]
    if before:
        kept.reverse()
    return b"".join(etree.tostring(node, with_tail=False) + b"\n" for node in kept)
