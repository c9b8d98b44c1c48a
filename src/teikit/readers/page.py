"""The raw page as readers see it: numbered lines, and a ledger of what was dropped.

Every reader drops boilerplate through `Page.drop`, so `teikit import --explain` and the
text-conservation check see exactly what a reader left out, and nothing else is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from teikit.model import Dropped


@dataclass
class Page:
    lines: list[str]
    dropped: list[Dropped] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str) -> "Page":
        return cls(text.split("\n"))

    def drop(self, index: int, reason: str, text: str | None = None, column: int | None = None) -> None:
        """Record line `index` (0-based), or a part of it, as left out of the TEI.

        `column` says where the part starts, for a part that also occurs earlier in the line.
        """
        part = self.lines[index] if text is None else text
        if part.strip():
            if column is not None:
                column += len(part) - len(part.lstrip())
            self.dropped.append(Dropped(line=index + 1, text=part.strip(), reason=reason, column=column))

    def drop_range(self, start: int, stop: int, reason: str) -> None:
        for i in range(start, stop):
            self.drop(i, reason)

    def drop_matching(
        self, patterns: Iterable[tuple[re.Pattern[str], str]], indexes: Iterable[int]
    ) -> set[int]:
        """Drop the lines among `indexes` that a site pattern recognises; return them."""
        patterns = list(patterns)
        gone: set[int] = set()
        for i in indexes:
            for pattern, reason in patterns:
                if pattern.fullmatch(self.lines[i].strip()):
                    self.drop(i, reason)
                    gone.add(i)
                    break
        return gone


    def drop_trailing(self, patterns: Iterable[tuple[re.Pattern[str], str]], stop: int = 0) -> set[int]:
        """Drop the site furniture at the foot of the page: the run of matching (or blank)
        lines at its end, down to line `stop`. The same words inside the text stay."""
        patterns = list(patterns)
        gone: set[int] = set()
        for i in range(len(self.lines) - 1, stop - 1, -1):
            line = self.lines[i].strip()
            if not line:
                continue
            reason = next((r for p, r in patterns if p.fullmatch(line)), None)
            if reason is None:
                break
            self.drop(i, reason)
            gone.add(i)
        return gone


def blocks_of(lines: list[str], start: int = 0) -> list[tuple[int, str]]:
    """Blank-line separated blocks as (first line index, lines joined by newlines)."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    first = start
    for offset, line in enumerate(lines):
        if line.strip():
            if not current:
                first = start + offset
            current.append(line)
        elif current:
            blocks.append((first, "\n".join(current)))
            current = []
    if current:
        blocks.append((first, "\n".join(current)))
    return blocks


def nonblank(lines: list[str], start: int = 0) -> list[tuple[int, str]]:
    """Non-blank lines with their indexes, for pages that put one paragraph on a line."""
    return [(start + i, line) for i, line in enumerate(lines) if line.strip()]
