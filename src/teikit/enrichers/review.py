"""The review file between `entities suggest` and `entities apply`.

One row per proposed name: surface form, type guess, count, documents, context snippet,
proposed id, and two columns the editor fills in: `decision` (accept, reject, merge, or
merge:ID) and `merge_with` (the id a merged name becomes a variant of). Rows left
undecided are skipped and stay pending. TSV is the default (a spreadsheet opens it);
JSON holds the same fields. Applying a review:
- accept: a new register entry (rows accepted with the same proposed id are one entry:
  the fullest form is its preferred name, the others its variants); the editor may
  correct the type or the id in the row before accepting;
- merge: the name becomes a variant of an existing entry (or of one accepted in the
  same file);
- reject: the name goes to `rejected.txt` in the registers folder and is never
  proposed again.
A file with any error (unknown decision or type, unknown merge id, wrong columns) is
refused as a whole, with the line of every error, so a review is applied all or nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from teikit.enrichers.candidates import Candidate
from teikit.registers.lookup import name_key
from teikit.registers.model import KINDS, Registers, is_valid_id, normalise_name
from teikit.registers.store import RegisterError
from teikit.teifile import write_atomic

COLUMNS = ["surface", "type", "count", "documents", "context", "proposed_id", "decision", "merge_with"]
REJECTED_FILE = "rejected.txt"
REJECTED_HEADER = "# Names the editors rejected in review: `teikit entities suggest` never proposes them again.\n"


class ReviewError(Exception):
    """A review file that cannot be applied; one line per problem, each with its line."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.path, self.problems = path, problems
        super().__init__("\n".join(f"{path}:{p}" for p in problems))


@dataclass
class Row:
    line: int
    surface: str
    type: str
    count: int
    documents: list[str]
    context: str
    proposed_id: str
    decision: str = ""
    merge_with: str = ""


@dataclass
class ApplyResult:
    created: list[str] = field(default_factory=list)  # new entry ids
    variants: list[tuple[str, str]] = field(default_factory=list)  # (entry id, name)
    rejected: list[str] = field(default_factory=list)
    pending: int = 0


# ---------------------------------------------------------------- writing


def review_tsv(candidates: list[Candidate]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for c in candidates:
        writer.writerow([c.surface, c.type, c.count, ", ".join(c.documents), _one_line(c.context), c.proposed_id, "", ""])
    return out.getvalue()


def review_json(candidates: list[Candidate]) -> str:
    rows = [
        {"surface": c.surface, "type": c.type, "count": c.count, "documents": c.documents,
         "context": _one_line(c.context), "proposed_id": c.proposed_id, "decision": "", "merge_with": ""}
        for c in candidates
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- reading


def read_review(path: Path) -> list[Row]:
    """The rows of a TSV or JSON review file; ReviewError listing every malformed line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReviewError(path, ["0: no such file"]) from None
    except (OSError, UnicodeDecodeError) as err:
        raise ReviewError(path, [f"0: cannot be read ({err})"]) from None
    if text.lstrip().startswith("["):
        return _read_json(path, text)
    return _read_tsv(path, text)


def _read_tsv(path: Path, text: str) -> list[Row]:
    lines = text.splitlines()
    if not lines:
        raise ReviewError(path, ["1: empty review file"])
    header = lines[0].split("\t")
    if header != COLUMNS:
        raise ReviewError(path, [f"1: the header must be the columns {' | '.join(COLUMNS)} (tab-separated); found {' | '.join(header)}"])
    rows, problems = [], []
    for number, fields in enumerate(csv.reader(lines[1:], delimiter="\t"), start=2):
        if not any(f.strip() for f in fields):
            continue
        if len(fields) < 6 or len(fields) > len(COLUMNS):
            problems.append(f"{number}: {len(fields)} columns, expected {len(COLUMNS)} (tab-separated)")
            continue
        fields += [""] * (len(COLUMNS) - len(fields))
        record = dict(zip(COLUMNS, fields))
        record["documents"] = [d.strip() for d in record["documents"].split(",") if d.strip()]
        rows.append(_row(number, record, problems))
    if problems:
        raise ReviewError(path, problems)
    return rows


def _read_json(path: Path, text: str) -> list[Row]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReviewError(path, [f"{err.lineno}: not valid JSON: {err.msg}"]) from None
    if not isinstance(data, list):
        raise ReviewError(path, ["1: a JSON review file is a list of rows"])
    rows, problems = [], []
    lines = _json_row_lines(text, len(data))
    for i, record in enumerate(data):
        number = lines[i]
        if not isinstance(record, dict) or not {"surface", "type", "proposed_id"} <= set(record):
            problems.append(f"{number}: row {i + 1} needs at least surface, type and proposed_id")
            continue
        record = {k: "" if record.get(k) is None else record[k] for k in COLUMNS}  # null is empty
        docs = record["documents"]
        record["documents"] = docs if isinstance(docs, list) else [d.strip() for d in str(docs).split(",") if d.strip()]
        rows.append(_row(number, record, problems))
    if problems:
        raise ReviewError(path, problems)
    return rows


def _json_row_lines(text: str, count: int) -> list[int]:
    """The line on which each top-level row of a JSON list starts (for error messages)."""
    starts, depth, line = [], 0, 1
    in_string = escape = False
    for ch in text:
        if ch == "\n":
            line += 1
        if in_string:
            escape = ch == "\\" and not escape
            if ch == '"' and not escape:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            if depth == 1 and ch == "{":
                starts.append(line)
            depth += 1
        elif ch in "]}":
            depth -= 1
    return starts + [line] * (count - len(starts))


def _row(number: int, record: dict, problems: list[str]) -> Row:
    try:
        count = int(str(record["count"]).strip() or 0)
    except ValueError:
        problems.append(f"{number}: count '{record['count']}' is not a number")
        count = 0
    decision = str(record["decision"]).strip().lower()
    merge_with = str(record["merge_with"]).strip().lstrip("#")
    if decision.startswith("merge:"):
        decision, merge_with = "merge", decision.split(":", 1)[1].strip().lstrip("#")
    row = Row(number, normalise_name(str(record["surface"])), str(record["type"]).strip().lower(), count,
              list(record["documents"]), str(record["context"]), str(record["proposed_id"]).strip().lstrip("#"),
              decision, merge_with)
    if not row.surface:
        problems.append(f"{number}: empty surface form")
    if decision not in {"", "accept", "reject", "merge"}:
        problems.append(f"{number}: unknown decision '{record['decision']}' (use accept, reject, merge or merge:ID)")
    if decision == "accept":
        if row.type not in KINDS:
            problems.append(f"{number}: unknown type '{record['type']}' (use person, place or org)")
        if not is_valid_id(row.proposed_id):
            problems.append(f"{number}: proposed id '{row.proposed_id}' is not a lowercase ASCII slug such as 'austen-chamberlain'")
    if decision == "merge" and not merge_with:
        problems.append(f"{number}: merge needs the id of the entry in merge_with (or write merge:ID)")
    return row


# ---------------------------------------------------------------- applying


def _rejected_text(folder: Path) -> str | None:
    """The text of rejected.txt, None if there is none; RegisterError if it cannot be read."""
    path = folder / REJECTED_FILE
    if not path.exists():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise RegisterError(f"{path}: not UTF-8 text (byte {err.start + 1} cannot be read); save it as UTF-8") from None
    except OSError as err:
        raise RegisterError(f"{path}: cannot be read ({err.strerror or err})") from None


def read_rejected(folder: Path) -> set[str]:
    text = _rejected_text(folder) or ""
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


def write_rejected(folder: Path, names: list[str]) -> bool:
    """Add `names` at the end of rejected.txt, keeping what is there (the editors' comments
    too); the file is created only when there is a name to add. True if it was written."""
    if not names:
        return False
    text = _rejected_text(folder)
    if text is None:
        text = REJECTED_HEADER
    elif text and not text.endswith("\n"):
        text += "\n"
    write_atomic(folder / REJECTED_FILE, (text + "".join(f"{n}\n" for n in names)).encode())
    return True


def check_rows(path: Path | str, rows: list[Row], registers: Registers) -> None:
    """Errors that need the registers: merge ids that exist nowhere, ids of another kind."""
    problems = []
    accepted = {r.proposed_id: r.type for r in rows if r.decision == "accept"}
    for row in rows:
        if row.decision == "merge" and row.merge_with not in accepted and registers.get(row.merge_with) is None:
            problems.append(f"{row.line}: unknown merge id '{row.merge_with}' (no register entry and no accepted row has it)")
        if row.decision == "accept":
            existing = registers.get(row.proposed_id)
            if existing is not None and existing.kind != row.type:
                problems.append(f"{row.line}: id '{row.proposed_id}' is already the {existing.kind} {existing.preferred!r}")
            if accepted[row.proposed_id] != row.type:
                problems.append(f"{row.line}: rows accepted as '{row.proposed_id}' have different types")
    if problems:
        raise ReviewError(path, problems)


def _fullest(rows: list[Row]) -> Row:
    """The preferred name among accepted forms: most written-out words, then most frequent."""
    def score(row: Row) -> tuple:
        words = row.surface.split()
        full = sum(1 for w in words if not re.fullmatch(r"(?:[A-Z]\.)+", w))
        return (not row.surface.isupper(), "," not in row.surface, full, len(words), row.count)
    return max(rows, key=score)


def apply_review(path: Path | str, rows: list[Row], registers: Registers) -> ApplyResult:
    """Change the registers (in memory) as the review says; the caller saves them."""
    check_rows(path, rows, registers)
    result = ApplyResult(pending=sum(1 for r in rows if not r.decision))
    groups: dict[str, list[Row]] = {}
    for row in rows:
        if row.decision == "accept":
            groups.setdefault(row.proposed_id, []).append(row)
    made: dict[str, str] = {}  # proposed id -> the id of the entry it is
    for entry_id, group in groups.items():
        entry = registers.get(entry_id)
        if entry is None:
            preferred = _fullest(group)
            entry = registers.add_entry(group[0].type, _display_form(preferred.surface), entry_id)
            result.created.append(entry.id)
        made[entry_id] = entry.id
        for row in group:
            if entry.add_name(_display_form(row.surface)):
                result.variants.append((entry.id, row.surface))
    for row in rows:
        if row.decision == "merge":
            entry = registers.get(made.get(row.merge_with, row.merge_with))
            if entry.add_name(_display_form(row.surface)):
                result.variants.append((entry.id, row.surface))
    result.rejected = [r.surface for r in rows if r.decision == "reject"]
    return result


def _display_form(surface: str) -> str:
    """Names are kept as written, except that all capitals ('A. A. JOFFE') is the text's
    typography, not the name: the tagger matches capitals anyway."""
    if surface.isupper() and (" " in surface or len(surface) > 5):  # not an acronym such as USSR, NKID
        return " ".join(w if len(w.rstrip(".")) <= 1 else w.capitalize() for w in surface.split())
    return surface


def new_rejections(rows: list[Row], existing: set[str]) -> list[str]:
    """The names rejected in `rows` that rejected.txt does not hold yet, each once, sorted."""
    keys = {name_key(n) for n in existing}
    new: dict[str, str] = {}
    for row in rows:
        if row.decision == "reject" and name_key(row.surface) not in keys:
            new.setdefault(name_key(row.surface), row.surface)
    return sorted(new.values(), key=str.casefold)


__all__ = [
    "COLUMNS",
    "ApplyResult",
    "ReviewError",
    "Row",
    "apply_review",
    "new_rejections",
    "read_rejected",
    "read_review",
    "review_json",
    "review_tsv",
    "write_rejected",
]
