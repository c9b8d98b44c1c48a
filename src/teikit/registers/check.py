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
from teikit.registers.model import FILE_OF, Entry, Registers, refs_in

__all__ = ["Problem", "check_registers", "refs_in"]


@dataclass(frozen=True)
class Problem:
    kind: str  # unused | duplicate-name | no-preferred-name | dangling-ref | bad-id
    where: str  # an entry id, or file:line
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.kind}: {self.message}"


def check_registers(registers: Registers, documents: dict[Path, etree._Element]) -> list[Problem]:
    """Every problem, in a stable order (entries in register order, then documents by name)."""
    problems: list[Problem] = []
    entries = registers.entries()
    used = {ref for root in documents.values() for ref, _ in refs_in(root)}
    seen: dict[str, str] = {}
    ids: dict[str, int] = {}
    for entry in entries:
        if entry.id:
            ids[entry.id] = ids.get(entry.id, 0) + 1
        else:
            problems.append(Problem("bad-id", _where(entry, registers),
                                    f"entry {entry.preferred or ''!r} has no xml:id: no document can link to it"))
    for entry_id, count in ids.items():
        if count > 1:
            problems.append(Problem("bad-id", entry_id, f"xml:id used by {count} entries (ids are unique across the three registers)"))
    for entry in entries:
        if entry.preferred_count != 1:
            problems.append(Problem("no-preferred-name", entry.id or _where(entry, registers),
                                    f"{entry.preferred_count} preferred names; an entry needs exactly one"))
        if not entry.id:
            continue
        for name, _ in entry.names:
            key = name_key(name)
            other = seen.setdefault(key, entry.id)
            if other != entry.id:
                problems.append(Problem("duplicate-name", entry.id, f"'{name}' is also a name of #{other}"))
    for entry in entries:
        if entry.id and entry.id not in used:
            problems.append(Problem("unused", entry.id, "no document refers to this entry"))
    ids = registers.ids()
    for path, root in sorted(documents.items()):
        for ref, line in refs_in(root):
            if ref not in ids:
                problems.append(Problem("dangling-ref", f"{path}:{line}", f"@ref '#{ref}' names no register entry"))
    return problems


def _where(entry: Entry, registers: Registers) -> str:
    """An entry without id: its register file and line."""
    return f"{registers.folder / FILE_OF[entry.kind]}:{entry.element.sourceline or 0}"
