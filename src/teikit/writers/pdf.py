"""The PDF writer: TEI -> Typst markup (xslt/pdf.xsl) -> PDF (the `typst` package).

XSLT decides what each TEI element is and writes it as calls of the layout functions in
xslt/pdf/edition.typ; Typst sets the pages (footnotes, running heads, hyphenation per
xml:lang, the index's page numbers). Every document gets a PDF of its own, and the
documents that rendered are set again together as the edition: title page, contents,
the documents in chronological order, indexes of persons, places and organisations.

Only the fonts built into the typst package are used (Libertinus Serif has Latin,
Cyrillic and Greek), so the PDFs come out the same on every machine and need no network.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import typst

from teikit import resources, saxon
from teikit.teifile import write_atomic
from teikit.writers import RenderFailure, RenderReport
from teikit.writers.render import (
    failure,
    output_names,
    start_writer,
    transform,
)
from teikit.xmlio import XMLInputError, parse_xml

TEMPLATE_DIR = resources.stylesheet("pdf")  # edition.typ and the modules of pdf.xsl
EDITION_FILE = "edition.pdf"
# the --param names the PDF writer takes (pdf.xsl declares none; the writer reads them)
PARAMS = ("edition-title", "edition-subtitle", "edition", "font-path", "typst-style")
INDEX_TITLES = {"person": "Index of persons", "place": "Index of places", "org": "Index of organisations"}
_SORT_LINE = re.compile(r"^// teikit-pdf sort-key: ([0-9-]*)$", re.MULTILINE)
_TITLE_LINE = re.compile(r"^// teikit-pdf title: (.*)$", re.MULTILINE)
_PRELUDE = '#import "/edition.typ": *\n'


class TypstCompileError(Exception):
    """Typst refused the generated markup: its message, and the generated line it names."""


@dataclass
class TypstDocument:
    """One document as Typst markup (a tk-document call), with the date it sorts by."""

    source: Path
    markup: str
    sort_key: str  # "1918-06-02", "1918-06", "1918" or "" when the document has no date
    title: str = ""  # for the PDF's metadata

    @property
    def chronological_key(self) -> tuple[int, str, str]:
        return (0 if self.sort_key else 1, self.sort_key, self.source.name)


def write_pdf(
    documents: Sequence[Path],
    out_dir: Path,
    params: Mapping[str, str],
    registers: Path | None,
    *,
    stylesheet: Path | None = None,
    progress: Callable[[Path], None] | None = None,
) -> RenderReport:
    """A PDF per document in `out_dir`, and `edition.pdf` with all that rendered.

    Params reach pdf.xsl as stylesheet parameters; the writer itself reads `edition-title` and
    `edition-subtitle` (the edition's title page), `edition=no` (no edition PDF) and `font-path`
    (folders of further fonts, e.g. for Chinese or Japanese, separated by the system's
    path separator; the bundled fonts cover Latin, Cyrillic and Greek) and `typst-style`
    (a .typ file of the edition's own definitions of edition.typ's functions, read after
    teikit's, e.g. `#let tk-supplied(body) = [⟨#body⟩]`). `stylesheet` is an edition's
    own entry stylesheet (importing pdf.xsl); `progress` is called after each document.
    """
    report = RenderReport()
    try:
        prelude = _PRELUDE + typst_style(params)
    except (OSError, UnicodeDecodeError) as err:
        report.failures.append(RenderFailure(None, f"typst-style: {params.get('typst-style')}: {style_problem(err)}"))
        return report
    start = start_writer(out_dir, stylesheet, "pdf.xsl", params, registers, report)
    if start is None:
        return report
    executable, xslt_params = start.executable, start.params
    names = output_names([Path(d) for d in documents], ".pdf", reserved=(Path(EDITION_FILE).stem,))
    fonts = font_paths(params)
    rendered: list[TypstDocument] = []
    for path in map(Path, documents):
        try:
            document = typst_document(executable, path, xslt_params)
            pdf = compile_typst(standalone_source(document, prelude), {"title": document.title}, fonts=fonts)
        except (XMLInputError, saxon.XSLTError, TypstCompileError) as err:
            report.failures.append(failure(path, err))
        else:
            target = out_dir / names[path]
            try:
                write_atomic(target, pdf)
            except OSError as err:
                report.failures.append(RenderFailure(path, f"{path}: cannot write {target}: {err.strerror or err}"))
            else:
                report.written.append(target)
                rendered.append(document)
        if progress is not None:
            progress(path)
    if rendered and params.get("edition", "yes") != "no":
        write_edition(rendered, out_dir / EDITION_FILE, params, prelude, fonts, report)
    return report


def write_edition(
    documents: Sequence[TypstDocument], target: Path, params: Mapping[str, str], prelude: str,
    fonts: Sequence[Path], report: RenderReport,
) -> None:
    """All documents that rendered, set again as one book; a failure is the run's, not a document's."""
    try:
        pdf = compile_typst(edition_source(documents, prelude), edition_inputs(documents, params), fonts=fonts)
    except TypstCompileError as err:
        report.failures.append(RenderFailure(None, f"{target.name}: {err}"))
        return
    try:
        write_atomic(target, pdf)
    except OSError as err:
        report.failures.append(RenderFailure(None, f"cannot write {target}: {err.strerror or err}"))
        return
    report.written.append(target)


def check_params(params: Mapping[str, str]) -> list[str]:
    """Problems with the parameters this writer reads (teikit render asks before writing)."""
    problems = []
    if params.get("edition", "yes") not in ("yes", "no"):
        problems.append(f"edition={params['edition']!r}: expected yes or no")
    for folder in font_paths(params):
        if not folder.is_dir():
            problems.append(f"font-path: {folder}: no such folder")
    style = params.get("typst-style")
    if style and not Path(style).is_file():
        problems.append(f"typst-style: {style}: no such file")
    elif style:
        try:
            typst_style(params)
        except (OSError, UnicodeDecodeError) as err:
            problems.append(f"typst-style: {style}: {style_problem(err)}")
    return problems


def style_problem(err: Exception) -> str:
    """Why a typst-style file cannot be used, in a few words."""
    if isinstance(err, UnicodeDecodeError):
        return f"not UTF-8 text (byte {err.start + 1} cannot be decoded)"
    return f"cannot be read ({getattr(err, 'strerror', None) or err})"


def typst_style(params: Mapping[str, str]) -> str:
    """The edition's own Typst definitions, placed after the import so that they win."""
    style = params.get("typst-style")
    return Path(style).read_text(encoding="utf-8") + "\n" if style else ""


def font_paths(params: Mapping[str, str]) -> list[Path]:
    return [Path(p) for p in params.get("font-path", "").split(os.pathsep) if p.strip()]


def typst_document(executable, path: Path, params: Mapping[str, object]) -> TypstDocument:
    """Run pdf.xsl on one TEI file; an XSLTError says the stylesheet and line when Saxon does."""
    markup = transform(executable, saxon.to_xdm(parse_xml(path), path), params)
    sort_key, title = _SORT_LINE.search(markup), _TITLE_LINE.search(markup)
    return TypstDocument(path, markup, sort_key.group(1) if sort_key else "", title.group(1) if title else "")


def standalone_source(document: TypstDocument, prelude: str = _PRELUDE) -> str:
    return prelude + "#show: tk-standalone\n" + document.markup


def edition_source(documents: Sequence[TypstDocument], prelude: str = _PRELUDE) -> str:
    """The whole edition: title page, contents, documents by date, indexes."""
    parts = [
        prelude,
        "#show: tk-edition.with(title: sys.inputs.title)\n",
        ('#tk-title-page(sys.inputs.title, subtitle: sys.inputs.at("subtitle", default: none),'
        ' note: sys.inputs.at("note", default: none))\n'),
        "#tk-contents()\n",
    ]
    parts += [d.markup for d in sorted(documents, key=lambda d: d.chronological_key)]
    parts += [f'#tk-index("{kind}", [{title}])\n' for kind, title in INDEX_TITLES.items()]
    return "".join(parts)


def edition_inputs(documents: Sequence[TypstDocument], params: Mapping[str, str]) -> dict[str, str]:
    """Title page text, passed to Typst as strings (never parsed as markup)."""
    years = sorted(d.sort_key[:4] for d in documents if d.sort_key)
    span = "" if not years else years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    count = f"{len(documents)} document{'s' if len(documents) != 1 else ''}"
    inputs = {
        "title": params.get("edition-title", "Edition"),
        "subtitle": params.get("edition-subtitle", f"{count}, {span}" if span else count),
        "note": "Typeset with teikit from TEI P5",
    }
    return inputs


def compile_typst(source: str, inputs: Mapping[str, str] | None = None, fonts: Sequence[Path] = ()) -> bytes:
    """PDF bytes, with the typst package's own fonts (and `fonts` folders) only, never the
    system's; TypstCompileError on failure."""
    try:
        return typst.compile(
            source.encode("utf-8"),
            root=str(TEMPLATE_DIR),
            format="pdf",
            font_paths=[str(f) for f in fonts],
            ignore_system_fonts=True,
            sys_inputs=dict(inputs or {}),
        )
    except typst.TypstError as err:
        raise TypstCompileError(typst_message(err, source)) from None


def typst_message(err: typst.TypstError, source: str) -> str:
    """Typst's message in one line, with the generated line it points at."""
    message = " ".join(str(getattr(err, "message", "") or err).split())
    diagnostic = str(getattr(err, "diagnostic", "") or "")
    m = re.search(r"main\.typ:(\d+):(\d+)", diagnostic) or re.search(r":(\d+):(\d+)", diagnostic)
    if m:
        line = int(m.group(1))
        lines = source.splitlines()
        snippet = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        message += f" (generated Typst line {line}: {snippet[:80]})" if snippet else f" (generated Typst line {line})"
    return f"Typst: {message}"
