"""Plain text: each TEI document as a UTF-8 reading text (`xslt/text.xsl`), one .txt each.

The stylesheet does the work (blocks, editorial brackets, endnotes, wrapping); this
module runs it once per document and writes each result atomically, so a document that
fails keeps its previous .txt and never stops the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping, Sequence

from teikit.saxon import XSLTError
from teikit.teifile import write_atomic
from teikit.writers import RenderFailure, RenderReport
from teikit.writers.render import (
    document_node,
    failure,
    output_names,
    start_writer,
    transform,
)
from teikit.xmlio import XMLInputError

PARAMS = ("notes", "width", "layout", "header", "pages")  # the --param names text.xsl takes
CHOICES = {"notes": ("endnotes", "none"), "layout": ("paragraphs", "lines"), "header": ("yes", "none"), "pages": ("none", "mark")}


def check_params(params: Mapping[str, str]) -> list[str]:
    """Problems with the text parameters (empty when they are fine)."""
    problems = [
        f"{name}={params[name]!r} (choose {' or '.join(choices)})"
        for name, choices in CHOICES.items()
        if name in params and params[name] not in choices
    ]
    if "width" in params:
        width = params["width"]
        if not width.isdigit() or (int(width) != 0 and int(width) < 20):
            problems.append(f"width={width!r} (a number of columns, at least 20; 0 for no wrapping)")
    return problems


def write_text(
    documents: Sequence[Path],
    out_dir: Path,
    params: Mapping[str, str],
    registers: Path | None,
    stylesheet: Path | None = None,
    progress: Callable[[Path], None] | None = None,
) -> RenderReport:
    """Render each document to out_dir/<name>.txt with text.xsl (or the user's `stylesheet`)."""
    report = RenderReport()
    start = start_writer(out_dir, stylesheet, "text.xsl", params, registers, report)
    if start is None:
        return report
    names = output_names(documents, ".txt")
    for doc in documents:
        try:
            text = transform(start.executable, document_node(doc), start.params)
            target = out_dir / names[doc]
            write_atomic(target, text.encode("utf-8"))
            report.written.append(target)
        except (XSLTError, XMLInputError) as err:
            report.failures.append(failure(doc, err, start.entry))
        except OSError as err:
            report.failures.append(RenderFailure(doc, f"{doc}: cannot write {out_dir / names[doc]}: {err.strerror or err}"))
        if progress is not None:
            progress(doc)
    return report
