"""RELAX NG validation with lxml: each schema loaded once a process, errors with line and column.

Loading is the slow part (`tei_all.rng`: about 10 s; teikit's own pruned schema: far
less); validating a document then takes well under a millisecond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teikit.validation.findings import Finding
from teikit.validation.locate import Columns, element_path
from teikit.xmlio import XMLInputError, parse_xml

_cache: dict[tuple[Path, float], RelaxNGSchema] = {}

# libxml2 follows each real error with "element X failed to validate attributes/content" for
# the element and its ancestors: noise when the real error is reported.
CASCADE = {"RELAXNG_ERR_ATTRVALID", "RELAXNG_ERR_CONTENTVALID"}


class SchemaError(Exception):
    """A RELAX NG schema that cannot be read or compiled, said in one line."""


@dataclass
class RelaxNGSchema:
    schema: etree.RelaxNG
    name: str

    def validate(self, tree: etree._ElementTree, path: Path | str | None = None, columns: Columns | None = None) -> list[Finding]:
        """The schema's complaints about one document, one Finding each (duplicates merged)."""
        if self.schema.validate(tree):
            return []
        columns = columns or Columns.for_file(tree, path)
        findings: list[Finding] = []
        seen: set[tuple] = set()
        entries = list(self.schema.error_log)
        specific = [e for e in entries if e.type_name not in CASCADE]
        for entry in specific or entries:
            element = _element_for(tree, entry)
            line, column = entry.line, (entry.column or None)
            location = None
            if element is not None:
                line, column = columns.position(element)
                location = element_path(element)
            key = (line, column, entry.message)
            if key in seen:
                continue
            seen.add(key)
            findings.append(
                Finding(
                    rule_id=f"rng:{_rule_name(entry.type_name)}",
                    severity="error",
                    message=entry.message,
                    location=location,
                    line=line,
                    column=column,
                    file=str(path) if path is not None else None,
                    source=self.name,
                )
            )
        return findings


def load_relaxng(path: Path | str) -> RelaxNGSchema:
    """A RELAX NG schema (XML syntax), loaded and compiled once a process."""
    path = Path(path)
    try:
        key = (path.resolve(), path.stat().st_mtime)
    except OSError:
        raise SchemaError(f"{path}: no such file") from None
    if key not in _cache:
        try:
            tree = parse_xml(path)
        except XMLInputError as err:
            raise SchemaError(str(err)) from None
        try:
            schema = etree.RelaxNG(tree)
        except etree.RelaxNGParseError as err:
            raise SchemaError(f"{path}: not a usable RELAX NG schema: {err}") from None
        _cache[key] = RelaxNGSchema(schema, path.name)
    return _cache[key]


def _element_for(tree: etree._ElementTree, entry) -> etree._Element | None:
    """The element an error is about: by libxml2's path when it resolves, else by line."""
    path = getattr(entry, "path", None)
    if path:
        try:
            found = tree.xpath(path)
        except etree.XPathError:
            found = []
        if found and isinstance(found[0], etree._Element):
            return found[0]
    if entry.line:
        for el in tree.getroot().iter():
            if isinstance(el.tag, str) and el.sourceline == entry.line:
                return el
    return None


def _rule_name(type_name: str) -> str:
    """RELAXNG_ERR_ELEMWRONG -> elemwrong: a stable id per kind of RELAX NG error."""
    return re.sub(r"^RELAXNG_ERR_", "", type_name or "invalid").lower()
