"""Enrichers: what turns a transcription into an edition (dates, names, notes).

`enrich_document` is the one entry point the `entities tag` command and the importer
share: dates first (so a name never swallows a date and the other way round), then the
register entries the document's biographical notes describe, then the names.
"""

from __future__ import annotations

from lxml import etree

from teikit.registers.model import NAME_ELEMENTS, XML_ID, Registers

# Elements neither the date tagger nor the name tagger enters: dates and names already
# there, identifiers, numbers, pointers, omissions, code, and the word-level markup
# (w, pc, c, g) that TEI allows neither a date nor a name inside. Each tagger skips more.
NEVER_TAGGED = frozenset(NAME_ELEMENTS | {"date", "time", "idno", "num", "ptr", "gap", "code", "w", "pc", "c", "g"})


def document_label(root: etree._Element) -> str:
    """How messages name a document: its xml:id."""
    return root.get(XML_ID) or "document"


def enrich_document(root: etree._Element, registers: Registers, biographies: list[str] | None = None) -> list[str]:
    """Tag dates, add entries from biographical notes, tag names; the warnings.

    `registers` is changed in place when notes add entries; the caller saves it.
    `biographies`: the messages of `add_biographies` when the caller has already added the
    document's entries (the `entities tag` pre-pass), so that its notes are read once.
    """
    from teikit.enrichers.biographies import add_biographies
    from teikit.enrichers.dates import tag_dates
    from teikit.enrichers.entities import tag_names

    warnings = list(tag_dates(root))
    warnings += add_biographies(root, registers) if biographies is None else biographies
    warnings += tag_names(root, registers.name_index()).warnings
    return warnings
