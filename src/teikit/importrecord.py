"""The import record: which raw file made which TEI files, so unchanged inputs are skipped.

A raw file is read again only if its bytes, the reader asked for, or teikit's own code
changed since it was imported, or if one of its TEI files is missing or was edited. The
record lives beside the TEI files (`.teikit-import.json`) and is rebuilt when unreadable.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from teikit.teifile import FileState, read_stamp, write_atomic

RECORD_NAME = ".teikit-import.json"


@cache
def code_fingerprint() -> str:
    """A hash of teikit's own modules: a new reader or builder means a new import."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def source_key(source: Path, out_dir: Path) -> str:
    """The raw file relative to the TEI folder, so the record survives moving the project."""
    return Path(os.path.relpath(source.resolve(), out_dir.resolve())).as_posix()


@dataclass
class ImportRecord:
    out_dir: Path
    entries: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> "ImportRecord":
        try:
            data = json.loads((out_dir / RECORD_NAME).read_text(encoding="utf-8"))
            entries = data["inputs"] if data.get("code") == code_fingerprint() else {}
        except (OSError, ValueError, KeyError, TypeError):
            entries = {}
        return cls(out_dir, entries)

    def entry(self, source: Path) -> dict:
        return self.entries.get(source_key(source, self.out_dir), {})

    def unchanged(self, source: Path, sha256: str, options: dict) -> dict | None:
        """The recorded entry if importing `source` again (with these options) would write the same files."""
        entry, key = self.entry(source), source_key(source, self.out_dir)
        if not entry or entry.get("sha256") != sha256 or entry.get("options") != options:
            return None
        slugs = entry.get("slugs", [])
        try:
            stamps = [read_stamp(self.out_dir / f"{slug}.xml") for slug in slugs]
        except OSError:
            return None
        if not stamps or any(s.state is not FileState.AS_IMPORTED or s.source != key for s in stamps):
            return None
        return entry

    def remember(
        self, source: Path, sha256: str, options: dict, reader: str, slugs: list[str], warnings: list[str]
    ) -> None:
        self.entries[source_key(source, self.out_dir)] = {
            "sha256": sha256,
            "options": options,
            "family": reader,
            "slugs": slugs,
            "warnings": warnings,
        }

    def save(self) -> None:
        """Keep the record; if it cannot be written, the next run merely reads everything again."""
        data = {"code": code_fingerprint(), "inputs": dict(sorted(self.entries.items()))}
        try:
            write_atomic(self.out_dir / RECORD_NAME, (json.dumps(data, indent=1) + "\n").encode())
        except OSError:
            pass
