"""`teikit render`: which TEI files, which registers, which parameters, then each writer.

The command's work without the command line, so tests and `make edition` can call it:
inputs are collected (folders searched for *.xml, the registers folder and hidden files
left out), the registers found, `--param name=value` pairs checked, and each format's
writer run on the whole set; a failing document is the writer's report, not an exception.
Also here: what every writer needs, shared so they do it the same way (the registers as
one XDM document, a TEI file as an XDM document, a failure said in one line).
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from lxml import etree
from saxonche import PyXdmNode, PyXsltExecutable

from teikit import saxon
from teikit.saxon import XSLTError, stylesheet_line, to_xdm, transform_to_string
from teikit.writers import FORMATS, RenderFailure, RenderReport, writer_for
from teikit.xmlio import XMLInputError, parse_xml

TK_NS = "https://teikit.dev/ns"
REGISTERS_FOLDER = "registers"
REGISTER_FILES = ("persons.xml", "places.xml", "orgs.xml")
PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


class UsageError(Exception):
    """A mistake on the command line or an input that cannot be read at all: exit 2."""


# --- inputs -------------------------------------------------------------------------


def is_hidden(path: Path) -> bool:
    return path.name.startswith(".")


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """The TEI files named, and the *.xml files under the folders named, in a stable order.

    Inside folders, hidden files and folders and the registers folder are skipped (the
    registers are not documents); a file named explicitly is always taken.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.rglob("*.xml")):
                parts = candidate.relative_to(path).parts
                if any(part.startswith(".") for part in parts) or REGISTERS_FOLDER in parts[:-1]:
                    continue
                if candidate.is_file():
                    found.append(candidate)
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        raise UsageError("no TEI files to render (no *.xml in " + ", ".join(str(p) for p in paths) + ")")
    return unique


def find_registers(paths: Sequence[Path], explicit: Path | None) -> Path | None:
    """The registers folder: `--registers DIR`, else `registers/` beside (or inside) the inputs."""
    if explicit is not None:
        if not explicit.is_dir():
            raise UsageError(f"{explicit}: registers folder not found")
        return explicit
    for path in paths:
        folder = path if path.is_dir() else path.parent
        candidate = folder / REGISTERS_FOLDER
        if candidate.is_dir() and any((candidate / name).is_file() for name in REGISTER_FILES):
            return candidate
    return None


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """`name=value` pairs as a dict; a pair without "=" or with a bad name is a usage error."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep:
            raise UsageError(f"--param {pair!r}: expected name=value")
        if not PARAM_NAME.match(name):
            raise UsageError(f"--param {pair!r}: {name!r} is not a parameter name (letters, digits, - _ .)")
        params[name] = value
    return params


def parse_stylesheets(values: Iterable[str], formats: Sequence[str]) -> dict[str, Path]:
    """`--stylesheet PATH` (one format) or `--stylesheet FORMAT=PATH`: the user's entry stylesheets."""
    chosen: dict[str, Path] = {}
    for value in values:
        fmt, sep, rest = value.partition("=")
        if sep and fmt in FORMATS:
            path = Path(rest)
        else:
            if len(formats) != 1:
                raise UsageError(f"--stylesheet {value}: with several --to formats, say which: FORMAT=PATH")
            fmt, path = formats[0], Path(value)
        if fmt not in formats:
            raise UsageError(f"--stylesheet {value}: format {fmt!r} is not being rendered (--to)")
        if not path.is_file():
            raise UsageError(f"--stylesheet {value}: {path}: no such file")
        chosen[fmt] = path
    return chosen


# --- what every writer needs ------------------------------------------------------------


def registers_document(folder: Path | None) -> PyXdmNode | None:
    """The registers as one XDM document for the stylesheet parameter `registers`.

    <tk:registers> holds the TEI elements of persons.xml, places.xml and orgs.xml (those
    that exist), each parsed safely by teikit.xmlio; xslt/common/registers.xsl looks
    entries up in it. None when there is no folder or no register file in it.
    Raises XMLInputError for a register file that is not usable XML.
    """
    if folder is None:
        return None
    wrapper = etree.Element(f"{{{TK_NS}}}registers", nsmap={"tk": TK_NS})
    for name in REGISTER_FILES:
        path = folder / name
        if path.is_file():
            wrapper.append(parse_xml(path).getroot())
    if not len(wrapper):
        return None
    return to_xdm(wrapper, folder / "registers.xml")


def document_node(path: Path) -> PyXdmNode:
    """A TEI file as an XDM document (parsed by teikit.xmlio, never by Saxon), its base URI the file."""
    return to_xdm(parse_xml(path), path)


def compile_with_registers(
    entry: Path, registers: Path | None, report: RenderReport
) -> tuple[PyXsltExecutable | None, PyXdmNode | None]:
    """A writer's compiled entry stylesheet and the registers, the same way for every format.

    A stylesheet that does not compile fails the whole run (None, reported). A register
    file that is not usable XML is reported, and the documents are still rendered, with
    names as written.
    """
    try:
        register_node = registers_document(registers)
    except XMLInputError as err:
        report.failures.append(RenderFailure(Path(str(err.path)), f"{err} (rendered without registers: names stay as written)"))
        register_node = None
    try:
        return saxon.compile_stylesheet(entry), register_node
    except XSLTError as err:
        report.failures.append(failure(None, err, entry))
        return None, register_node


def stylesheet_params(params: Mapping[str, str], registers: PyXdmNode | None) -> dict:
    """The user's parameters plus `registers` (when there are registers)."""
    merged: dict = dict(params)
    if registers is not None:
        merged["registers"] = registers
    return merged


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


def transform(executable, document, params: Mapping | None = None, output_dir: Path | None = None) -> str:
    """teikit.saxon.transform_to_string, with Saxon's own error print-out turned into the
    stylesheet and line of the failure (in the XSLTError's message) instead of a trace on
    the terminal. xsl:message output of a successful run is passed on to stderr."""
    error: XSLTError | None = None
    with native_stderr() as trace:
        try:
            result = transform_to_string(executable, document, dict(params or {}), output_dir)
        except XSLTError as err:
            error = err
    printed = trace[0] if trace else ""
    if error is None:
        if printed.strip():
            sys.stderr.write(printed)
        return result
    where = stylesheet_line(printed)
    message = str(error)
    if "terminated by xsl:message" in message:
        said = " ".join(printed.split("Error at xsl:message")[0].split())
        if said:  # the stylesheet's own words say what is wrong
            message = said
    if where.line is not None and stylesheet_line(message).line is None:
        message = f"on line {where.line} of {where.stylesheet}: {message}"
    raise XSLTError(message)


def failure(document: Path | None, err: Exception, stylesheet: Path | None = None) -> RenderFailure:
    """One line: the document, the stylesheet and its line when Saxon says, the message."""
    message = str(err)
    if isinstance(err, XSLTError):
        where = stylesheet_line(message)
        if where.line is not None:
            message = f"{where.stylesheet}:{where.line}: " + re.sub(r"^on line \d+ of [^\s:]+: ", "", message)
        elif stylesheet is not None and stylesheet.name not in message:
            message = f"{stylesheet.name}: {message}"
    if isinstance(err, XMLInputError):
        return RenderFailure(document, message)  # already starts with the file name
    prefix = f"{document}: " if document is not None else ""
    return RenderFailure(document, prefix + message)


def output_names(documents: Sequence[Path], suffix: str) -> dict[Path, str]:
    """An output file name per document (its stem plus `suffix`); clashing stems get their folder's name."""
    stems: dict[str, int] = {}
    for doc in documents:
        stems[doc.stem] = stems.get(doc.stem, 0) + 1
    return {
        doc: (f"{doc.parent.name}-{doc.stem}" if stems[doc.stem] > 1 else doc.stem) + suffix
        for doc in documents
    }


# --- running the writers ------------------------------------------------------------------


@dataclass
class RenderRun:
    """What one `teikit render` did, per format."""

    documents: list[Path]
    registers: Path | None
    reports: dict[str, RenderReport] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return any(report.failed for report in self.reports.values())


def check_format_params(fmt: str, params: Mapping[str, str]) -> None:
    """Ask the format's module to check its parameters (`check_params`), if it has that."""
    module = importlib.import_module(FORMATS[fmt].split(":")[0])
    checker = getattr(module, "check_params", None)
    if checker is not None:
        problems = checker(params)
        if problems:
            raise UsageError(f"--to {fmt}: " + "; ".join(problems))


def accepts(function: Callable, name: str) -> bool:
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return False
    return name in parameters or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())


def render(
    formats: Sequence[str],
    documents: Sequence[Path],
    out_dir: Path,
    params: Mapping[str, str] | None = None,
    registers: Path | None = None,
    stylesheets: Mapping[str, Path] | None = None,
    progress: Callable[[Path], None] | None = None,
) -> RenderRun:
    """Run each format's writer on all documents; format F writes into out_dir/F/.

    A writer that cannot be loaded is a failure of its format, not of the run. Raises
    UsageError for parameters a writer rejects and for --stylesheet on a writer that does
    not take one (checked before anything is written).
    """

    params = dict(params or {})
    stylesheets = dict(stylesheets or {})
    run = RenderRun(list(documents), registers)
    writers: dict[str, Callable | Exception] = {}
    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        try:
            writers[fmt] = writer_for(fmt)
            check_format_params(fmt, params)
        except (ImportError, AttributeError) as err:
            writers[fmt] = err
            continue
        if fmt in stylesheets and not accepts(writers[fmt], "stylesheet"):
            raise UsageError(f"--stylesheet: the {fmt} writer does not take a stylesheet of yours")
    for fmt in formats:
        writer = writers[fmt]
        started = time.perf_counter()
        if isinstance(writer, Exception):
            report = RenderReport(failures=[RenderFailure(None, f"the {fmt} writer is not available: {writer}")])
            if progress is not None:
                for doc in documents:
                    progress(doc)
        else:
            extra: dict = {}
            if fmt in stylesheets:
                extra["stylesheet"] = stylesheets[fmt]
            if progress is not None and accepts(writer, "progress"):
                extra["progress"] = progress
            report = writer(list(documents), out_dir / fmt, params, registers, **extra)
            if progress is not None and "progress" not in extra:
                for doc in documents:
                    progress(doc)
        run.reports[fmt] = report
        run.seconds[fmt] = time.perf_counter() - started
    return run


def summary_json(run: RenderRun, out_dir: Path) -> dict:
    return {
        "documents": len(run.documents),
        "registers": str(run.registers) if run.registers else None,
        "output": str(out_dir),
        "failed": sum(len(r.failures) for r in run.reports.values()),
        "formats": {
            fmt: {
                "written": [str(p) for p in report.written],
                "failures": [
                    {"document": str(f.document) if f.document else None, "message": f.message}
                    for f in report.failures
                ],
                "seconds": round(run.seconds.get(fmt, 0.0), 3),
            }
            for fmt, report in run.reports.items()
        },
    }
