"""One problem found in one document, whichever validator found it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass
class Finding:
    """What is wrong, where, and which rule says so.

    `location` is a readable XPath of the node (`/TEI/text[1]/body[1]/p[3]`); `line` and
    `column` point into the file as the editor sees it, when they can be known. `properties`
    are what a Schematron assert or report carries besides its message (`@properties`); the
    one-line text form leaves them out.
    """

    rule_id: str
    severity: str
    message: str
    location: str | None = None
    line: int | None = None
    column: int | None = None
    file: str | None = None
    source: str = ""  # the schema or rule set that reported it, e.g. "teikit.rng"
    properties: dict[str, str] = field(default_factory=dict)  # Schematron property id -> its text (ISO 2020)

    def format(self) -> str:
        """`file:line:column: severity: [rule-id] message (at /path)`, the form editors' tools read."""
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: [{self.rule_id}] {self.message}"
        if self.location:
            text += f" (at {self.location})"
        return text

    def as_dict(self) -> dict:
        return asdict(self)


def severity_of(role: str | None, default: str = "error") -> str:
    """Schematron `@role`/`@flag` values as teikit severities (unknown roles count as errors)."""
    if not role:
        return default
    value = role.strip().lower()
    if value in {"warning", "warn", "nonfatal", "caution", "minor"}:
        return "warning"
    if value in {"info", "information", "informational", "note", "hint", "notice"}:
        return "info"
    return "error"
