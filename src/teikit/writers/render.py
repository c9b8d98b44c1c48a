"""`teikit render`: which TEI files, which registers, which parameters, then each writer.

The command's work without the command line, so tests and `make edition` can call it:
inputs are collected (folders searched for *.xml, the registers folder and hidden files
left out), the registers found, `--param name=value` pairs checked (names teikit sets
itself are refused, and so are names no requested format takes), the user's stylesheets
compiled, and each format's writer run on the whole set; a failing document is the
writer's report, not an exception. Also here: what every writer needs, shared so they do
it the same way (the registers as one XDM document, a TEI file as an XDM document, a
failure said in one line, unique output names).
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence
from urllib.parse import urlparse
from urllib.request import url2pathname

from lxml import etree
from saxonche import PyXdmNode, PyXsltExecutable

from teikit import saxon
from teikit.editionfiles import REGISTERS_FOLDER, documents_in
from teikit.resources import stylesheet as shipped_stylesheet
from teikit.saxon import (
    XSLTError,
    native_stderr,
    stylesheet_line,
    to_xdm,
    transform_to_string,
)
from teikit.writers import FORMATS, RenderFailure, RenderReport, writer_for
from teikit.xmlio import XMLInputError, parse_xml

TK_NS = "https://teikit.dev/ns"
REGISTER_FILES = ("persons.xml", "places.xml", "orgs.xml")
PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
XSLT_NS = "http://www.w3.org/1999/XSL/Transform"

# Stylesheet parameters the writers set themselves; a user's --param may never set them
# (`registers` is the parsed registers document, never a URI for the stylesheet to read):
# registers (every writer), edition, page, page-href, tei-href (html), file, source-id (cmif).
# `edition` is also the PDF writer's own edition=no; the html writer never passes the
# user's value on.
RESERVED_PARAMS = ("registers", "edition", "page", "page-href", "tei-href", "file", "source-id")


class UsageError(Exception):
    """A mistake on the command line or an input that cannot be read at all: exit 2."""


# --- inputs -------------------------------------------------------------------------


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """The TEI files named, and the *.xml files under the folders named, in a stable order.

    Inside folders, hidden files and folders and the registers folder are skipped (the
    registers are not documents); a file named explicitly is always taken.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += documents_in(path)
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


def declared_params(stylesheet: Path) -> set[str] | None:
    """The names of the global xsl:param of a user's stylesheet and of the modules it
    imports or includes (followed on the local file system); None when that cannot be
    told (a module that is not a local, readable file, xsl:use-package), so any name goes."""
    names: set[str] = set()
    seen: set[Path] = set()
    pending = [Path(stylesheet).resolve()]
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        try:
            root = parse_xml(path).getroot()
        except XMLInputError:
            return None
        for child in root:
            if not isinstance(child.tag, str) or not child.tag.startswith(f"{{{XSLT_NS}}}"):
                continue
            local = etree.QName(child).localname
            if local == "param" and child.get("name") and ":" not in child.get("name", ""):
                names.add(child.get("name").strip())
            elif local in ("import", "include"):
                href = child.get("href", "")
                if href.startswith("file:"):
                    try:
                        target = Path(url2pathname(urlparse(href).path))
                    except ValueError:
                        return None
                elif re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href) and not re.match(r"^[A-Za-z]:[\\/]", href):
                    return None  # http:, a catalog name ...: not followed
                else:
                    target = path.parent / url2pathname(href)
                if not target.is_file():
                    return None
                pending.append(target.resolve())
            elif local == "use-package":
                return None
    return names


def writer_params(fmt: str) -> tuple[str, ...] | None:
    """The --param names the format's writer takes (its module's PARAMS); None when the
    writer does not say or cannot be loaded (its format then fails on its own)."""
    try:
        module = importlib.import_module(FORMATS[fmt].split(":")[0])
    except ImportError:
        return None
    declared = getattr(module, "PARAMS", None)
    return tuple(declared) if declared is not None else None


def check_param_names(
    formats: Sequence[str], params: Mapping[str, str], stylesheets: Mapping[str, Path] | None = None
) -> None:
    """UsageError for a name teikit sets itself, and for a name none of `formats` takes.

    A format takes its writer's PARAMS; with a user --stylesheet for it, also the global
    xsl:param names declared in that stylesheet and its imports (any name when those
    cannot be read). A reserved name is refused even then, unless a requested format's
    writer takes it as its own (edition=no of the PDF).
    """
    stylesheets = stylesheets or {}
    own = {fmt: writer_params(fmt) for fmt in formats}
    known: dict[str, set[str] | None] = {}
    for fmt in formats:
        if own[fmt] is None:
            known[fmt] = None
            continue
        known[fmt] = set(own[fmt])
        if fmt in stylesheets:
            extra = declared_params(stylesheets[fmt])
            known[fmt] = None if extra is None else known[fmt] | extra
    for name in params:
        if name in RESERVED_PARAMS and not any(own[fmt] is not None and name in own[fmt] for fmt in formats):
            others = [fmt for fmt in FORMATS if fmt not in formats and name in (writer_params(fmt) or ())]
            hint = f" (it is a parameter of --to {' and --to '.join(others)} only)" if others else ""
            raise UsageError(
                f"--param {name}: teikit sets this parameter itself{hint}; "
                f"reserved names: {', '.join(RESERVED_PARAMS)}"
            )
        if any(known[fmt] is None or name in known[fmt] for fmt in formats):
            continue
        listed = "; ".join(f"{fmt}: {', '.join(param_list(own[fmt], known[fmt])) or 'none'}" for fmt in formats)
        raise UsageError(f"--param {name}: unknown to --to {' and --to '.join(formats)} (parameters: {listed})")


def param_list(own: Sequence[str] | None, known: set[str] | None) -> list[str]:
    """A format's parameter names for a message: its writer's, in their order, then the
    user stylesheet's (reserved names left out)."""
    first = list(own or ())
    rest = sorted((known or set()) - set(first) - set(RESERVED_PARAMS))
    return first + rest


def compile_user_stylesheets(stylesheets: Mapping[str, Path]) -> None:
    """Compile each --stylesheet now (once a process: the writers reuse it), so that one
    that does not compile stops the run before anything is written: UsageError, one line."""
    for path in stylesheets.values():
        try:
            with native_stderr():
                saxon.compile_stylesheet(path)
        except XSLTError as err:
            raise UsageError(compile_error(path, err)) from None


def compile_error(path: Path, err: XSLTError) -> str:
    """`--stylesheet FILE:LINE: does not compile: CODE message` (the file named once;
    a module it imports by its own name and line)."""
    message = str(err)
    prefix = f"{Path(path).resolve().name}: does not compile: "
    if message.startswith(prefix):
        message = message[len(prefix):]
    m = re.match(r"^.*?Error(?: in (?P<where>\S+))? on line (?P<line>\d+)(?: column \d+)? of (?P<file>[^\s:]+):\s*(?:/\s*)?(?P<rest>.*)$", message)
    if m is None:
        return f"--stylesheet {path}: does not compile: {message}"
    rest = m.group("rest") + (f" (in {m.group('where')})" if m.group("where") else "")
    if m.group("file") == Path(path).name:
        return f"--stylesheet {path}:{m.group('line')}: does not compile: {rest}"
    return f"--stylesheet {path}: does not compile: {m.group('file')}:{m.group('line')}: {rest}"


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


@dataclass
class WriterStart:
    """What a writer has once it can render: its entry stylesheet, compiled, and the
    stylesheet parameters (the user's, teikit's reserved names dropped, plus the registers)."""

    entry: Path
    executable: PyXsltExecutable
    params: dict


def start_writer(
    out_dir: Path,
    stylesheet: Path | None,
    shipped: str,
    params: Mapping[str, str],
    registers: Path | None,
    report: RenderReport,
) -> WriterStart | None:
    """The first steps of every writer, the same way for every format: create its folder,
    compile its entry stylesheet (the user's `stylesheet`, else teikit's `shipped` one) and
    read the registers. A folder that cannot be made or a stylesheet that does not compile
    fails the format (None, reported); a register file that is not usable XML is reported
    and the documents are still rendered, with names as written.
    """
    try:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        report.failures.append(RenderFailure(None, f"cannot create the output folder {out_dir}: {err.strerror or err}"))
        return None
    entry = Path(stylesheet) if stylesheet is not None else shipped_stylesheet(shipped)
    try:
        register_node = registers_document(Path(registers) if registers is not None else None)
    except XMLInputError as err:
        report.failures.append(RenderFailure(Path(str(err.path)), f"{err} (rendered without registers: names stay as written)"))
        register_node = None
    try:
        executable = saxon.compile_stylesheet(entry)
    except XSLTError as err:
        report.failures.append(failure(None, err, entry))
        return None
    return WriterStart(entry, executable, stylesheet_params(params, register_node))


def stylesheet_params(params: Mapping[str, str], registers: PyXdmNode | None) -> dict:
    """The user's parameters (never one of RESERVED_PARAMS: those are teikit's to set)
    plus `registers` (when there are registers)."""
    merged: dict = {name: value for name, value in params.items() if name not in RESERVED_PARAMS}
    if registers is not None:
        merged["registers"] = registers
    return merged


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


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3` ... when it is taken; compared without case (a case-
    insensitive file system would make Doc and doc one file). Adds the result to `taken`."""
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate.lower())
    return candidate


def output_names(documents: Sequence[Path], suffix: str, reserved: Iterable[str] = ()) -> dict[Path, str]:
    """A distinct output file name per document: its stem plus `suffix`; stems that clash
    get their folder's name in front, and names that still clash -2, -3 ... (unique_name).
    `reserved` are names (without suffix) the writer keeps for itself."""
    stems: dict[str, int] = {}
    for doc in documents:
        stems[doc.stem.lower()] = stems.get(doc.stem.lower(), 0) + 1
    taken = {name.lower() for name in reserved}
    return {
        doc: unique_name(f"{doc.parent.name}-{doc.stem}" if stems[doc.stem.lower()] > 1 else doc.stem, taken) + suffix
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
    UsageError, before anything is written, for: a parameter name teikit sets itself or
    that no requested format takes, a parameter a writer rejects, --stylesheet on a writer
    that does not take one, a --stylesheet that does not compile, an output folder that
    cannot be created.
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
        except (ImportError, AttributeError) as err:
            writers[fmt] = err
    available = [fmt for fmt in formats if not isinstance(writers[fmt], Exception)]
    for fmt in available:
        if fmt in stylesheets and not accepts(writers[fmt], "stylesheet"):
            raise UsageError(f"--stylesheet: the {fmt} writer does not take a stylesheet of yours")
    compile_user_stylesheets({fmt: path for fmt, path in stylesheets.items() if fmt in available})
    check_param_names(formats, params, stylesheets)
    for fmt in available:
        check_format_params(fmt, params)
    try:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"-o {out_dir}: cannot create the output folder ({err.strerror or err})") from None
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
