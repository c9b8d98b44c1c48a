"""The import pipeline: raw files -> readers -> TEI builder -> TEI files.

Reading and building run in worker processes (pages are independent); naming and writing
happen in the parent, which alone knows every name in the batch and so can keep them
unique and stable.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from lxml import etree

from teikit.builder import build_tei
from teikit.conservation import lost_words
from teikit.enrichers.dates import tag_dates
from teikit.importrecord import ImportRecord, source_key
from teikit.model import Document, Dropped, ReadResult
from teikit.naming import document_slug, xml_id
from teikit.rawtext import InputError, find_text_files, read_raw_text
from teikit.readers import detect_reader, reader_named
from teikit.teifile import WriteOutcome, WriteStatus, read_stamp, serialize, write_tei


class Progress(Protocol):
    """What the importer tells a progress display: how many inputs, then each one done."""

    def start(self, total: int) -> None: ...

    def advance(self, result: "PageResult") -> None: ...


class NoProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self, result: "PageResult") -> None:
        pass


@dataclass
class PageResult:
    """What one raw file gave: its documents, or the reason it gave none."""

    source: Path
    family: str | None = None
    encoding: str | None = None
    documents: list[Document] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    payloads: list[bytes] = field(default_factory=list)  # serialised TEI, named by `slugs`
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    outcomes: list[WriteOutcome] = field(default_factory=list)
    sha256: str | None = None
    skipped: bool = False  # unchanged since its last import: not read again

    @property
    def failed(self) -> bool:
        return self.error is not None or any(o.status is WriteStatus.REFUSED for o in self.outcomes)


def read_page(source: Path, family: str | None = None, old_style: bool | None = None) -> PageResult:
    """Read one raw file into documents; every failure becomes a one-line error.

    `old_style`: the source dates its documents in the Julian calendar (see
    teikit.enrichers.dates); None lets each document say.
    """
    result = PageResult(source=source)
    try:
        raw = read_raw_text(source)
    except InputError as err:
        result.error = str(err)
        return result
    result.encoding, result.sha256 = raw.encoding, raw.sha256
    result.warnings.extend(raw.warnings)
    reader = reader_named(family) if family else detect_reader(raw.text)
    result.family = reader.name
    try:
        _read_and_build(result, reader.read, raw.text, old_style)
    except Exception as err:  # a reader or builder bug must not stop the batch
        detail = " ".join(str(err).split())  # one line, whatever the exception says
        result.error = f"{source}: the {reader.name} reader failed: {type(err).__name__}: {detail}"
    return result


def _read_and_build(
    result: PageResult, read_text: Callable[[str], ReadResult], text: str, old_style: bool | None = None
) -> None:
    read = read_text(text)
    result.documents = read.documents
    result.dropped = read.dropped
    result.warnings.extend(read.warnings)
    for doc in read.documents:
        result.warnings.extend(w for w in doc.warnings if w not in result.warnings)
    if not read.documents:
        result.error = f"{result.source}: no document found in the text"
        return
    result.slugs = [document_slug(doc) for doc in read.documents]
    roots = [build_document(doc, slug, result, old_style) for doc, slug in zip(read.documents, result.slugs)]
    result.payloads = [serialize(root) for root in roots]
    lost = lost_words(text, read.dropped, roots)
    if lost:
        shown = ", ".join(lost[:12]) + (" ..." if len(lost) > 12 else "")
        result.warnings.append(f"{len(lost)} word(s) of the input are not in the TEI: {shown}")


def build_document(doc: Document, slug: str, result: PageResult, old_style: bool | None) -> etree._Element:
    """The TEI of one document: built, then its dates tagged (their warnings go to `result`)."""
    root = build_tei(doc, xml_id(slug), _source_name(result.source))
    result.warnings.extend(w for w in tag_dates(root, old_style=old_style) if w not in result.warnings)
    return root


def _source_name(source: Path) -> str:
    """The raw file's name only, so the TEI does not depend on where the import ran."""
    return source.name


def _read_one(args: tuple[Path, str | None, bool | None]) -> PageResult:
    return read_page(*args)


def read_pages(
    sources: Sequence[Path],
    family: str | None = None,
    jobs: int | None = None,
    progress: Progress = NoProgress(),
    old_style: bool | None = None,
) -> list[PageResult]:
    """Read every page, on all cores when there is enough work to share."""
    jobs = jobs or os.cpu_count() or 1
    tasks = [(s, family, old_style) for s in sources]
    if jobs <= 1 or len(tasks) < 4:
        results = []
        for task in tasks:
            results.append(_read_one(task))
            progress.advance(results[-1])
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = []
        for result in pool.map(_read_one, tasks, chunksize=max(1, len(tasks) // (jobs * 8))):
            results.append(result)
            progress.advance(result)
        return results


def assign_names(
    results: Iterable[PageResult], out_dir: Path, taken: set[str] | None = None, old_style: bool | None = None
) -> None:
    """Make every slug unique ("...-2"), in input order, so names are stable.

    Taken are the names of this batch, `taken` (documents skipped as unchanged) and files
    in `out_dir` imported from another input. A renamed document is built again, since
    its xml:id is part of the name.
    """
    taken = set() if taken is None else taken
    for result in results:
        key = source_key(result.source, out_dir)
        for k, slug in enumerate(result.slugs):
            unique, n = slug, 2
            while unique in taken or _owned_by_another(out_dir / f"{unique}.xml", key):
                unique, n = f"{slug}-{n}", n + 1
            taken.add(unique)
            if unique != slug:
                result.slugs[k] = unique
                result.payloads[k] = serialize(build_document(result.documents[k], unique, result, old_style))


def _owned_by_another(path: Path, key: str) -> bool:
    try:
        source = read_stamp(path).source
    except OSError:
        return False
    return source is not None and source != key


def write_documents(result: PageResult, out_dir: Path, force: bool = False) -> None:
    key = source_key(result.source, out_dir)
    for slug, body in zip(result.slugs, result.payloads):
        path = out_dir / f"{slug}.xml"
        try:
            result.outcomes.append(write_tei(path, body, key, force=force))
        except OSError as err:
            result.error = f"{path}: cannot write: {err.strerror or err}"


def import_raw(
    paths: Sequence[Path],
    out_dir: Path,
    family: str | None = None,
    force: bool = False,
    write: bool = True,
    jobs: int | None = None,
    progress: Progress = NoProgress(),
    old_style: bool | None = None,
) -> list[PageResult]:
    """The whole import of a batch; a bad input is reported and the others go on.

    Inputs unchanged since their last import into `out_dir` (with the same options) are
    not read again.
    """
    options = {"family": family, "old_style": old_style}
    sources, errors = find_text_files(paths)
    progress.start(len(sources))
    failed = [PageResult(source=err.path, error=str(err)) for err in errors]
    record = ImportRecord.load(out_dir) if write else None
    skipped = [page for page in (_skip_unchanged(s, record, options) for s in sources) if page]
    for page in skipped:
        progress.advance(page)
    skipped_sources = {page.source for page in skipped}
    pages = read_pages(
        [s for s in sources if s not in skipped_sources], family=family, jobs=jobs, progress=progress, old_style=old_style
    )
    assign_names(pages, out_dir, taken={slug for page in skipped for slug in page.slugs}, old_style=old_style)
    if write and record is not None:
        for page in pages:
            _warn_of_orphans(page, record)
            if page.error is None:
                write_documents(page, out_dir, force=force)
            if not page.failed and page.sha256 and page.family:
                record.remember(page.source, page.sha256, options, page.family, page.slugs, page.warnings)
        if pages:
            record.save()
    position = {source: k for k, source in enumerate(sources)}
    return failed + sorted(skipped + pages, key=lambda page: position[page.source])


def _warn_of_orphans(page: PageResult, record: ImportRecord) -> None:
    """A corrected raw page may name its document anew; the old file is kept, and said so."""
    gone = [slug for slug in record.entry(page.source).get("slugs", []) if slug not in page.slugs]
    if gone and page.error is None:
        names = ", ".join(f"{slug}.xml" for slug in gone)
        page.warnings.append(f"no longer produces {names} (kept; delete it if it is obsolete)")


def _skip_unchanged(source: Path, record: ImportRecord | None, options: dict) -> PageResult | None:
    if record is None or not source.is_file():
        return None
    try:
        sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
    except OSError:
        return None  # read_page reports it
    entry = record.unchanged(source, sha256, options)
    if entry is None:
        return None
    outcomes = [WriteOutcome(record.out_dir / f"{slug}.xml", WriteStatus.UNCHANGED) for slug in entry["slugs"]]
    return PageResult(
        source=source,
        family=entry["family"],
        slugs=list(entry["slugs"]),
        outcomes=outcomes,
        sha256=sha256,
        skipped=True,
        warnings=list(entry.get("warnings", [])),
    )
