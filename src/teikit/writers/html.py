"""The HTML edition site: a page per document, the indexes, a chronology and a search.

Every page is written by `xslt/html.xsl`, compiled once a run: run on a TEI document it
writes the document's page; run on the edition document built here (every TEI file of
the edition under one root) it writes the list of documents, the chronology, the person,
place and organisation indexes, the search page and the search index. The registers
(tei/registers/) reach the stylesheet as a parameter, so tooltips and index pages come
from the same entries. Static assets (CSS, scripts) are copied from `xslt/html/assets/`,
and each document's TEI is copied beside its page for download.

Site layout (relative to `out_dir`):
    index.html  chronology.html  persons.html  places.html  organisations.html  search.html
    documents/<name>.html   tei/<name>.xml   assets/
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from saxonche import PySaxonApiError, PyXdmNode, PyXsltExecutable

from teikit import saxon
from teikit.resources import stylesheet as teikit_stylesheet
from teikit.saxon import native_stderr
from teikit.teifile import write_atomic
from teikit.writers import RenderFailure, RenderReport
from teikit.writers.render import (
    failure,
    start_writer,
    transform,
    unique_name,
)
from teikit.xmlio import XMLInputError, parse_xml

PARAMS = ("edition-title", "edition-subtitle", "language")  # the --param names html.xsl takes
TEI_NS = "http://www.tei-c.org/ns/1.0"
EDITION_NS = "urn:teikit:edition"
SITE_PAGES = {
    "index": "index.html",
    "chronology": "chronology.html",
    "persons": "persons.html",
    "places": "places.html",
    "organisations": "organisations.html",
    "search": "search.html",
}
SEARCH_INDEX = "assets/search-index.js"
ASSETS_DIR = "html/assets"


@dataclass
class SiteDocument:
    """One TEI document of the edition and where its page and download copy go."""

    source: Path
    tree: etree._ElementTree
    data: bytes
    name: str

    @property
    def page(self) -> str:
        return f"documents/{self.name}.html"

    @property
    def tei(self) -> str:
        return f"tei/{self.name}.xml"


def write_html(
    documents: Sequence[Path],
    out_dir: Path,
    params: Mapping[str, str],
    registers: Path | None,
    *,
    stylesheet: Path | None = None,
    progress: Callable[[Path], None] | None = None,
) -> RenderReport:
    """Build the static edition site for `documents` into `out_dir`.

    `stylesheet` is an edition's own stylesheet importing html.xsl (its templates then
    override teikit's); by default teikit's `xslt/html.xsl`. `progress` is called with
    each document once its page is written (or has failed). A document that fails is
    reported and left out of the site (its page, the indexes, the previous/next links).
    """
    report = RenderReport()
    out_dir = Path(out_dir)
    start = start_writer(out_dir, stylesheet, "html.xsl", params, registers, report)
    if start is None:
        return report
    executable, entry, params = start.executable, start.entry, start.params
    site = load_documents(documents, report, progress)

    try:
        site = chronological(executable, site, params)
    except saxon.XSLTError as err:
        report.failures.append(site_failure("the order of documents", err, entry))
        return report
    pages, failed = render_documents(executable, site, params)
    for doc, err in failed:
        report.failures.append(failure(doc.source, err, entry))
    if failed:
        # The indexes and the previous/next links list only the documents that have a page.
        site = [doc for doc in site if doc.name in pages]
        pages, _ = render_documents(executable, site, params)
    for doc in site:
        write_file(out_dir / doc.page, pages[doc.name].encode("utf-8"), report, doc.source)
        write_file(out_dir / doc.tei, doc.data, report, doc.source)
    for doc, _ in failed:
        try:
            (out_dir / doc.page).unlink(missing_ok=True)  # an old page would contradict the report
        except OSError as err:
            report.failures.append(RenderFailure(doc.source, f"cannot remove {out_dir / doc.page}: {err.strerror or err}"))
    if progress is not None:
        for doc in [*site, *(doc for doc, _ in failed)]:
            progress(doc.source)

    edition_node = saxon.to_xdm(edition_document(site), out_dir / "edition.xml")
    nodes = {"edition": edition_node}
    for page, filename in SITE_PAGES.items():
        try:
            html = run(executable, edition_node, {**params, "page": page, "page-href": filename}, nodes)
        except saxon.XSLTError as err:
            report.failures.append(site_failure(filename, err, entry))
            continue
        write_file(out_dir / filename, html.encode("utf-8"), report)
    try:
        index = run(executable, edition_node, {**params, "page": "search-index", "page-href": SEARCH_INDEX}, nodes, as_text=True)
    except saxon.XSLTError as err:
        report.failures.append(site_failure(SEARCH_INDEX, err, entry))
    else:
        write_file(out_dir / SEARCH_INDEX, index.encode("utf-8"), report)
    copy_assets(out_dir, report)
    remove_removed_documents(out_dir, page_names(documents).values(), report)
    return report


def chronological(executable: PyXsltExecutable, site: list[SiteDocument], params: Mapping) -> list[SiteDocument]:
    """The documents in the stylesheet's chronological order (asked once, page "order"),
    so that each page finds its neighbours without sorting the edition again."""
    order = run(executable, saxon.to_xdm(edition_document(site), "edition.xml"), {**params, "page": "order"}, {}, as_text=True)
    position = {href: i for i, href in enumerate(order.splitlines())}
    return sorted(site, key=lambda doc: position.get(doc.page, len(position)))


def render_documents(
    executable: PyXsltExecutable, site: Sequence[SiteDocument], params: Mapping
) -> tuple[dict[str, str], list[tuple[SiteDocument, saxon.XSLTError]]]:
    """Each document's page (by name), and the documents whose transform failed."""
    nodes = {"edition": saxon.to_xdm(edition_document(site), "edition.xml")}
    pages: dict[str, str] = {}
    failed: list[tuple[SiteDocument, saxon.XSLTError]] = []
    for doc in site:
        try:
            pages[doc.name] = run(executable, saxon.to_xdm(doc.tree, doc.source), {**params, "page-href": doc.page, "tei-href": doc.tei}, nodes)
        except saxon.XSLTError as err:
            failed.append((doc, err))
    return pages, failed


def load_documents(
    paths: Sequence[Path], report: RenderReport, progress: Callable[[Path], None] | None = None
) -> list[SiteDocument]:
    """Parse every document (bad ones become failures) and give each a unique page name."""
    site: list[SiteDocument] = []
    names = page_names(paths)
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
            tree = parse_xml(data, name=str(path))
        except OSError as err:
            report.failures.append(RenderFailure(path, f"{path}: cannot be read ({err.strerror or err})"))
        except XMLInputError as err:
            report.failures.append(failure(path, err))
        else:
            if tree.getroot().tag == f"{{{TEI_NS}}}TEI":
                site.append(SiteDocument(path, tree, data, names[path]))
                continue
            report.failures.append(RenderFailure(path, f"{path}: not a TEI document (its root is {tree.getroot().tag})"))
        if progress is not None:
            progress(path)
    return site


def page_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Each document's page name, unique in the site and stable: a document that fails keeps
    its name reserved, so the others' pages (and CMIF's links to them) do not move."""
    taken: set[str] = set()
    return {Path(p): unique_name(page_name(Path(p)), taken) for p in paths}


def page_name(path: Path) -> str:
    """A file name safe in any URL and on any file system, from the TEI file's name."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.")
    return name or "document"


def edition_document(site: Sequence[SiteDocument]) -> etree._Element:
    """Every document under one root, each with the path of its page and its TEI copy."""
    root = etree.Element(f"{{{EDITION_NS}}}edition", nsmap={"ed": EDITION_NS})
    for doc in site:
        holder = etree.SubElement(root, f"{{{EDITION_NS}}}document", page=doc.page, tei=doc.tei, source=doc.source.name)
        holder.append(copy.deepcopy(doc.tree.getroot()))  # appending the original would move it
    return root


def run(
    executable: PyXsltExecutable,
    document: PyXdmNode,
    params: Mapping,
    nodes: Mapping[str, PyXdmNode],
    as_text: bool = False,
) -> str:
    """One transform with the writer's parameters (the registers among them) plus the
    edition document.

    `as_text` returns the result's text unserialised (the search index is a script, which
    the HTML output method would escape). Saxon's own print-out stays off the terminal.
    """
    merged = {**params, **nodes}
    if not as_text:
        return transform(executable, document, merged)
    with native_stderr():
        saxon.set_params(executable, merged)
        try:
            result = executable.transform_to_value(xdm_node=document)
        except PySaxonApiError as err:
            raise saxon.XSLTError(saxon.tidy_message(err)) from None
    return result.head.string_value if result is not None and result.size else ""


def site_failure(page: str, err: saxon.XSLTError, entry: Path) -> RenderFailure:
    """A page of the whole site that failed: which page, which stylesheet line."""
    return RenderFailure(None, f"{page}: {failure(None, err, entry).message}")


def write_file(path: Path, data: bytes, report: RenderReport, document: Path | None = None) -> None:
    """Write atomically; a file that cannot be written is a failure (of `document`, if any)."""
    try:
        write_atomic(path, data)
    except OSError as err:
        prefix = f"{document}: " if document is not None else ""
        report.failures.append(RenderFailure(document, f"{prefix}cannot write {path}: {err.strerror or err}"))
    else:
        report.written.append(path)


MANIFEST = ".teikit-documents.json"  # the page and TEI copy of each document of the last build
_DOCUMENT_FILE = re.compile(r"(documents/[^/]+\.html|tei/[^/]+\.xml)")


def remove_removed_documents(out_dir: Path, names: Iterable[str], report: RenderReport) -> None:
    """Pages and TEI copies of documents no longer in the edition go: the last build wrote
    them (its manifest says so) and no document asks for them now. Nothing else is touched,
    so a page that failed this time keeps the previous build's site otherwise intact."""
    manifest = out_dir / MANIFEST
    try:
        previous = {rel for rel in json.loads(manifest.read_text(encoding="utf-8")) if isinstance(rel, str)}
    except (OSError, ValueError, TypeError):
        previous = set()
    current = {f"documents/{name}.html" for name in names} | {f"tei/{name}.xml" for name in names}
    for rel in sorted(previous - current):
        if _DOCUMENT_FILE.fullmatch(rel):
            try:
                (out_dir / rel).unlink(missing_ok=True)
            except OSError as err:
                report.failures.append(RenderFailure(None, f"cannot remove {out_dir / rel}: {err.strerror or err}"))
    try:
        write_atomic(manifest, (json.dumps(sorted(current), indent=0) + "\n").encode("utf-8"))
    except OSError:
        pass  # the next build then merely keeps pages it cannot know were teikit's


def copy_assets(out_dir: Path, report: RenderReport) -> None:
    """The site's CSS and scripts (no fonts or scripts from elsewhere: the site works offline)."""
    for asset in sorted(teikit_stylesheet(ASSETS_DIR).iterdir()):
        if asset.is_file() and not asset.name.startswith("."):
            try:
                data = asset.read_bytes()
            except OSError as err:
                report.failures.append(RenderFailure(None, f"cannot read {asset}: {err.strerror or err}"))
                continue
            write_file(out_dir / "assets" / asset.name, data, report)
