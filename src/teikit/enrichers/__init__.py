"""Enrichers: what turns a transcription into an edition (dates, names, notes).

`enrich_document` is the one entry point the `entities tag` command and the importer
share: dates first (so a name never swallows a date and the other way round), then the
register entries the document's biographical notes describe, then the names.
"""

from __future__ import annotations

from lxml import etree

from teikit.registers.model import Registers


def enrich_document(root: etree._Element, registers: Registers) -> list[str]:
    """Tag dates, add entries from biographical notes, tag names; the warnings.

    `registers` is changed in place when notes add entries; the caller saves it.
    """
    from teikit.enrichers.biographies import add_biographies
    from teikit.enrichers.dates import tag_dates
    from teikit.enrichers.entities import tag_names

    warnings = list(tag_dates(root))
    warnings += add_biographies(root, registers)
    warnings += tag_names(root, registers.name_index()).warnings
    return warnings
