"""Validation results per file, as editors read them (text) and as tools read them (JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from rich.console import Console
from rich.table import Table
from rich.text import Text

from teikit.validation.findings import Finding

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
TABLE_LIMIT = 40  # above this many files, the table lists only those with problems


class Status(Enum):
    VALID = "valid"
    INVALID = "invalid"
    NOT_WELL_FORMED = "not well-formed"
    UNREADABLE = "unreadable"


@dataclass
class FileReport:
    file: str
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    well_formed: bool = True
    refs_unchecked: bool = False  # it has @ref="#x", but no registers/ was found for it

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def status(self) -> Status:
        if self.unreadable:
            return Status.UNREADABLE
        if not self.well_formed:
            return Status.NOT_WELL_FORMED
        return Status.INVALID if self.count("error") else Status.VALID


def exit_code(reports: list[FileReport]) -> int:
    """0 valid (warnings allowed), 1 some document has errors, 2 some input could not be read."""
    if any(r.unreadable for r in reports):
        return 2
    return 1 if any(r.status is not Status.VALID for r in reports) else 0


def print_findings(console: Console, reports: list[FileReport]) -> None:
    """One line a problem: `file:line:column: severity: [rule-id] message (at /path)`."""
    for report in reports:
        for finding in report.findings:
            line = Text(finding.format())
            start = line.plain.find(f" {finding.severity}: ")
            if start >= 0:
                line.stylize(STYLE.get(finding.severity, ""), start + 1, start + 1 + len(finding.severity))
            console.print(line, soft_wrap=True)


def print_summary(console: Console, reports: list[FileReport], schemas: list[str]) -> None:
    shown = reports if len(reports) <= TABLE_LIMIT else [r for r in reports if r.findings or r.status is not Status.VALID]
    if shown:
        table = Table(title="teikit validate")
        table.add_column("file", overflow="fold")
        table.add_column("errors", justify="right")
        table.add_column("warnings", justify="right")
        table.add_column("info", justify="right")
        table.add_column("result")
        for r in shown:
            style = "green" if r.status is Status.VALID else "red"
            table.add_row(r.file, str(r.count("error")), str(r.count("warning")), str(r.count("info")), Text(r.status.value, style=style))
        console.print(table)
    totals = summary(reports)
    console.print("checked against: " + ", ".join(schemas), markup=False, soft_wrap=True)
    console.print(
        f"{totals['files']} file(s): {totals['valid']} valid, {totals['invalid']} with errors; "
        f"{totals['errors']} error(s), {totals['warnings']} warning(s), {totals['info']} info",
        markup=False,
        soft_wrap=True,
    )


def summary(reports: list[FileReport]) -> dict:
    return {
        "files": len(reports),
        "valid": sum(r.status is Status.VALID for r in reports),
        "invalid": sum(r.status is not Status.VALID for r in reports),
        "errors": sum(r.count("error") for r in reports),
        "warnings": sum(r.count("warning") for r in reports),
        "info": sum(r.count("info") for r in reports),
    }


def as_json(reports: list[FileReport], schemas: list[str]) -> dict:
    return {
        "schemas": schemas,
        "summary": summary(reports),
        "files": [
            {
                "file": r.file,
                "status": r.status.value,
                "problems": [_problem(f, r.file) for f in r.findings],
            }
            for r in reports
        ],
    }


def _problem(finding: Finding, file: str) -> dict:
    """A finding in JSON: `file` only when it is another document than the entry's (a Schematron
    `pattern/@documents`), `properties` only when the rule gave some."""
    return {
        k: v
        for k, v in finding.as_dict().items()
        if (k != "file" or (v is not None and v != file)) and (k != "properties" or v)
    }
