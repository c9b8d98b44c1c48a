"""Which files of an edition are its TEI documents.

One rule for every command that takes documents or folders of them: a file named is
taken (unless it is one of the registers); in a folder named, every *.xml file under it,
at any depth, in a stable order, except hidden files and folders and the registers
folder (the registers are not documents). Missing paths and folders holding no document
are returned, not raised: each command says what they mean for its exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REGISTERS_FOLDER = "registers"


@dataclass
class FoundDocuments:
    files: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)  # paths that do not exist
    empty: list[Path] = field(default_factory=list)  # folders without any document

    @property
    def missing_errors(self) -> list[str]:
        return [f"{path}: no such file or folder" for path in self.missing]


def documents_in(folder: Path) -> list[Path]:
    """The *.xml files under `folder`, at any depth, in a stable order; hidden files and
    folders and the registers folder left out."""
    found = []
    for candidate in sorted(folder.rglob("*.xml")):
        parts = candidate.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or REGISTERS_FOLDER in parts[:-1]:
            continue
        if candidate.is_file():
            found.append(candidate)
    return found


def find_documents(paths: Iterable[Path]) -> FoundDocuments:
    """The TEI documents named or under the folders named (see the module's rule), each once."""
    found = FoundDocuments()
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = [] if path.name == REGISTERS_FOLDER else documents_in(path)
            if not inside:
                found.empty.append(path)
            files += inside
        elif path.is_file():
            if path.parent.name != REGISTERS_FOLDER:
                files.append(path)
        else:
            found.missing.append(path)
    seen: set[Path] = set()
    for path in files:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.files.append(path)
    return found
