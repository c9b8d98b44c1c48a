"""XSLT 3.0 on saxonche: one processor a process, each stylesheet compiled once.

Writers and the Schematron engine both run stylesheets here. Compiling is the slow
part (tens to hundreds of milliseconds); a compiled stylesheet then runs on thousands of
documents, so `compile_stylesheet` caches by path and callers never compile per file.
Documents reach Saxon as text that `teikit.xmlio` has already parsed safely, so Saxon's
own parser never sees a DTD or an entity declaration.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from saxonche import (
    PySaxonApiError,
    PySaxonProcessor,
    PyXdmNode,
    PyXdmValue,
    PyXsltExecutable,
)

_processor: PySaxonProcessor | None = None
_compiled: dict[tuple[Path, frozenset], PyXsltExecutable] = {}


class XSLTError(Exception):
    """A stylesheet that does not compile, or a transform that fails, said in one line or two."""


def processor() -> PySaxonProcessor:
    global _processor
    if _processor is None:
        _processor = PySaxonProcessor(license=False)
    return _processor


def compile_stylesheet(path: Path | str, static_params: dict[str, str] | None = None) -> PyXsltExecutable:
    """The compiled stylesheet at `path` (compiled once a process, then reused)."""
    path = Path(path).resolve()
    key = (path, frozenset((static_params or {}).items()))
    if key not in _compiled:
        xslt = processor().new_xslt30_processor()
        for name, value in (static_params or {}).items():
            xslt.set_parameter(name, processor().make_string_value(value))
        try:
            _compiled[key] = xslt.compile_stylesheet(stylesheet_file=str(path))
        except PySaxonApiError as err:
            raise XSLTError(f"{path.name}: does not compile: {tidy_message(err)}") from None
    return _compiled[key]


def compile_stylesheet_text(text: str, base: Path | str) -> PyXsltExecutable:
    """Compile a stylesheet held in memory (generated ones: Schematron); not cached."""
    xslt = processor().new_xslt30_processor()
    xslt.set_cwd(str(Path(base).resolve().parent))
    try:
        return xslt.compile_stylesheet(stylesheet_text=text)
    except PySaxonApiError as err:
        raise XSLTError(f"{Path(base).name}: does not compile: {tidy_message(err)}") from None


def to_xdm(tree: etree._ElementTree | etree._Element, base_uri: Path | str | None = None) -> PyXdmNode:
    """An lxml tree as a Saxon document node, with its base URI (for `base-uri()`, `doc()`)."""
    builder = processor().new_document_builder()
    builder.set_line_numbering(True)
    if base_uri is not None:
        builder.set_base_uri(Path(base_uri).resolve().as_uri())
    try:
        return builder.parse_xml(xml_text=etree.tostring(_root(tree), encoding="unicode"))
    except PySaxonApiError as err:
        raise XSLTError(tidy_message(err)) from None


def _root(tree: etree._ElementTree | etree._Element) -> etree._Element:
    """The root element only: a DOCTYPE must never reach Saxon, whose parser would load it."""
    return tree.getroot() if isinstance(tree, etree._ElementTree) else tree


def set_params(executable: PyXsltExecutable, params: dict[str, str | PyXdmValue] | None) -> None:
    """Stylesheet parameters: strings (`--param name=value`), or XDM values passed as they
    are (a document node, e.g. the registers parsed by teikit.xmlio)."""
    executable.clear_parameters()
    for name, value in (params or {}).items():
        xdm = value if isinstance(value, PyXdmValue) else processor().make_string_value(value)
        executable.set_parameter(name, xdm)


def transform_to_string(
    executable: PyXsltExecutable,
    document: PyXdmNode,
    params: dict[str, str | PyXdmValue] | None = None,
    output_dir: Path | None = None,
) -> str:
    """Run a compiled stylesheet on one document; raise XSLTError with the stylesheet's line.

    `output_dir` is where `xsl:result-document` with a relative href writes.
    """
    set_params(executable, params)
    if output_dir is not None:
        executable.set_base_output_uri(Path(output_dir).resolve().as_uri() + "/")
    try:
        result = executable.transform_to_string(xdm_node=document)
    except PySaxonApiError as err:
        raise XSLTError(tidy_message(err)) from None
    return result or ""


@contextmanager
def native_stderr() -> Iterator[list[str]]:
    """What the process writes to file descriptor 2 meanwhile, kept off the terminal.

    Saxon prints an error's stack trace there itself, and only there says on which line
    of which stylesheet it happened; the list gets that text once the block is left.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    captured: list[str] = []
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield captured
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            captured.append(sink.read().decode("utf-8", errors="replace"))


def tidy_message(err: Exception) -> str:
    """Saxon's message on one or two lines, without blank padding."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return re.sub(r"\s+", " ", " / ".join(lines)) or type(err).__name__


@dataclass
class StylesheetLine:
    """Where in a stylesheet a failure happened, when Saxon says."""

    stylesheet: str | None
    line: int | None


def stylesheet_line(message: str) -> StylesheetLine:
    m = re.search(r"on line (\d+)(?: column \d+)? of ([^\s:]+)", message)
    return StylesheetLine(m.group(2), int(m.group(1))) if m else StylesheetLine(None, None)
