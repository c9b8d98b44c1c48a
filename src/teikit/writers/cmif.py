"""CMIF: the edition's letters as one Correspondence Metadata Interchange Format file.

correspSearch harvests one file per edition, so this writer gathers every letter's
correspDesc: `xslt/cmif.xsl` runs once per document (a failing document is reported and
left out, the others still listed) and once more on the gathered <tk:letter> elements to
write the file's header; the result goes to out_dir/cmif.xml atomically.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from pathlib import Path
from typing import Callable, Mapping, Sequence

from lxml import etree

from teikit.saxon import XSLTError, to_xdm
from teikit.teifile import write_atomic
from teikit.writers import RenderFailure, RenderReport
from teikit.writers.html import page_names
from teikit.writers.render import (
    TK_NS,
    document_node,
    failure,
    start_writer,
    transform,
)
from teikit.xmlio import XMLInputError, parse_xml

OUTPUT_NAME = "cmif.xml"
# the --param names cmif.xsl takes (it also gets `file` and `source-id`, which the writer sets)
PARAMS = ("cmif-url", "edition-url", "edition-title", "editor", "publisher", "cmif-date", "licence-url")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def check_params(params: Mapping[str, str]) -> list[str]:
    """Problems with the CMIF parameters (empty when they are fine)."""
    problems = []
    for name in ("cmif-url", "edition-url", "licence-url"):
        value = params.get(name)
        if value is not None and (not value.startswith(("http://", "https://")) or any(c.isspace() for c in value)):
            problems.append(f"{name}={value!r} (an http(s) URL without spaces)")
    date = params.get("cmif-date")
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            problems.append(f"cmif-date={date!r} (a date YYYY-MM-DD)")
    return problems


def publication_date() -> str:
    """Today, or the day of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()


def cmif_params(params: Mapping[str, str]) -> dict[str, str]:
    """The user's parameters with teikit's defaults: date, and a stable UUID for the
    edition's bibl (`source-id`, always teikit's)."""
    merged = dict(params)
    merged.setdefault("cmif-date", publication_date())
    identity = merged.get("cmif-url") or merged.get("edition-url") or merged.get("edition-title") or "teikit-edition"
    # an xml:id must not start with a digit; CMIF's Schematron looks for a UUID inside it
    merged["source-id"] = f"uuid-{uuid.uuid5(uuid.NAMESPACE_URL, identity)}"
    return merged


def write_cmif(
    documents: Sequence[Path],
    out_dir: Path,
    params: Mapping[str, str],
    registers: Path | None,
    stylesheet: Path | None = None,
    progress: Callable[[Path], None] | None = None,
) -> RenderReport:
    """Write out_dir/cmif.xml listing the correspondence among `documents`."""
    report = RenderReport()
    start = start_writer(out_dir, stylesheet, "cmif.xsl", params, registers, report)
    if start is None:
        return report
    executable, sheet = start.executable, start.entry
    defaults = cmif_params(params)
    merged = {**start.params, "cmif-date": defaults["cmif-date"], "source-id": defaults["source-id"]}
    letters = etree.Element(f"{{{TK_NS}}}letters", nsmap={"tk": TK_NS})
    pages = page_names(documents)  # the HTML site's names for the same documents
    for doc in documents:
        try:
            result = transform(executable, document_node(doc), {**merged, "file": pages[Path(doc)]})
            if XML_DECLARATION.sub("", result).strip():  # a document that is not correspondence: nothing
                letters.append(parse_xml(result.encode("utf-8"), name=f"{doc} (CMIF entry)").getroot())
        except (XSLTError, XMLInputError) as err:
            report.failures.append(failure(doc, err, sheet))
        if progress is not None:
            progress(doc)
    target = out_dir / OUTPUT_NAME
    try:
        cmif = transform(executable, to_xdm(letters, out_dir / "letters.xml"), merged)
        parse_xml(cmif.encode("utf-8"), name=str(target))  # well-formed, or nothing is written
        write_atomic(target, cmif.encode("utf-8"))
        report.written.append(target)
    except (XSLTError, XMLInputError) as err:
        report.failures.append(failure(None, err, sheet))
    except OSError as err:
        report.failures.append(RenderFailure(None, f"cannot write {target}: {err.strerror or err}"))
    return report
