"""`teikit registers check`: what an editor must fix in the registers.

Four problems: entries no document refers to (unused), one name listed by two entries
(duplicate: a text using it cannot be linked without help), entries without exactly one
preferred name, and `@ref`s in documents that point to no entry (dangling). And what
makes links impossible: an entry without xml:id, or one id used twice (bad-id).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teikit.registers.lookup import name_key
from teikit.registers.model import Registers

REF_ELEMENTS = ("persName", "placeName", "orgName", "rs", "name")


@dataclass(frozen=True)
class Problem:
    kind: str  # unused | duplicate-name | no-preferred-name | dangling-ref | bad-id
    where: str  # an entry id, or file:line
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.kind}: {self.message}"


def refs_in(root: etree._Element) -> list[tuple[str, int]]:
    """(entry id, line) for every local pointer in the @ref of a name in a document."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or etree.QName(el).localname not in REF_ELEMENTS:
            continue
        for token in (el.get("ref") or "").split():
            if token.startswith("#"):
                out.append((token[1:], el.sourceline or 0))
    return out


def check_registers(registers: Registers, documents: dict[Path, etree._Element]) -> list[Problem]:
    """Every problem, in a stable order (entries in register order, then documents by name)."""
    problems: list[Problem] = []
    entries = registers.entries()
    used = {ref for root in documents.values() for ref, _ in refs_in(root)}
    seen: dict[str, str] = {}
    ids: dict[str, int] = {}
    for entry in entries:
        ids[entry.id] = ids.get(entry.id, 0) + 1
    for entry_id, count in ids.items():
        if not entry_id:
            problems.append(Problem("bad-id", "(entry without xml:id)", f"{count} entr{'y' if count == 1 else 'ies'} without xml:id"))
        elif count > 1:
            problems.append(Problem("bad-id", entry_id, f"xml:id used by {count} entries (ids are unique across the three registers)"))
    for entry in entries:
        if entry.preferred_count != 1:
            problems.append(Problem("no-preferred-name", entry.id or "(entry without xml:id)",
                                    f"{entry.preferred_count} preferred names; an entry needs exactly one"))
        for name, _ in entry.names:
            key = name_key(name)
            other = seen.setdefault(key, entry.id)
            if other != entry.id:
                problems.append(Problem("duplicate-name", entry.id, f"'{name}' is also a name of #{other}"))
    for entry in entries:
        if entry.id not in used:
            problems.append(Problem("unused", entry.id, "no document refers to this entry"))
    ids = registers.ids()
    for path, root in sorted(documents.items()):
        for ref, line in refs_in(root):
            if ref not in ids:
                problems.append(Problem("dangling-ref", f"{path}:{line}", f"@ref '#{ref}' names no register entry"))
    return problems
