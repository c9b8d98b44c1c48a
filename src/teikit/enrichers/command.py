"""`teikit entities tag|suggest|apply|report`: names and dates in the edition's documents."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click
from lxml import etree

from teikit.editionfiles import REGISTERS_FOLDER, find_documents
from teikit.enrichers import enrich_document
from teikit.enrichers.biographies import add_biographies
from teikit.enrichers.candidates import spacy_ner, suggest
from teikit.enrichers.review import (
    ReviewError,
    apply_review,
    new_rejections,
    read_rejected,
    read_review,
    review_json,
    review_tsv,
    write_rejected,
)
from teikit.registers import (
    RegisterError,
    Registers,
    load_registers,
    registers_folder_for,
    save_registers,
)
from teikit.registers.model import NAME_ELEMENTS
from teikit.teifile import rewrite_tei, write_atomic
from teikit.terminal import CONTEXT, ProgressBar, consoles
from teikit.xmlio import XMLInputError, parse_xml

TEI = "{http://www.tei-c.org/ns/1.0}"


class InputError(Exception):
    """Input the command cannot use at all (exit 2)."""


def open_registers(paths: list[Path], folder: Path | None) -> Registers:
    folder = folder or registers_folder_for(paths[0] if paths else Path("tei"))
    try:
        return load_registers(folder)
    except (RegisterError, XMLInputError) as err:
        raise InputError(str(err)) from None


def linked_names(root: etree._Element) -> int:
    return sum(1 for el in root.iter(*(TEI + n for n in NAME_ELEMENTS)) if el.get("ref"))


@dataclass
class DocumentOutcome:
    path: Path
    changed: bool = False
    names: int = 0  # names with a @ref after tagging
    added: int = 0  # of which new in this run
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class TagRun:
    documents: list[DocumentOutcome] = field(default_factory=list)
    registers_written: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # inputs that could not be read (exit 2)
    failures: list[str] = field(default_factory=list)  # documents or registers left as they were (exit 1)
    warnings: list[str] = field(default_factory=list)  # about the registers, once per run
    empty: list[Path] = field(default_factory=list)  # folders named that hold no document

    @property
    def failed(self) -> bool:
        return bool(self.failures) or any(d.error for d in self.documents)


def tag_documents(paths: list[Path], registers_folder: Path | None = None, progress: ProgressBar | None = None) -> TagRun:
    """Enrich every document (dates, biographical entries, names), write back what changed.

    Biographical notes of all documents enter the registers first, so a person one
    document's note describes is also tagged in the documents read before it; the
    registers are saved then, before any document is written, so that no document ever
    points to an entry that is not saved. If they cannot be saved, no document is written.
    A document that is not TEI, or that fails, is reported and left as it was; the others
    are tagged.
    """
    run = TagRun()
    found = find_documents(paths)
    run.errors, run.empty = found.missing_errors, found.empty
    registers = open_registers(paths, registers_folder)
    roots: dict[Path, etree._Element] = {}
    for path in found.files:
        try:
            root = parse_xml(path).getroot()
        except XMLInputError as err:
            run.errors.append(str(err))
            continue
        if root.tag != TEI + "TEI":
            run.failures.append(f"{path}: not a TEI document (root element <{etree.QName(root).localname}>); left unchanged")
            continue
        roots[path] = root
    notes: dict[Path, list[str]] = {}
    for path, root in list(roots.items()):
        try:
            notes[path] = add_biographies(root, registers)
        except Exception as err:  # noqa: BLE001 (one bad document must not stop the others)
            run.failures.append(_failure(path, err))
            del roots[path]
    try:
        run.registers_written = save_registers(registers)
    except OSError as err:
        run.failures.append(f"{registers.folder}: the registers cannot be written ({err.strerror or err}); no document was tagged")
        return run
    run.warnings = list(registers.name_index().warnings)
    if progress:
        progress.start(len(roots))
    for path, root in roots.items():
        outcome = DocumentOutcome(path)
        before = linked_names(root)
        try:
            outcome.warnings = enrich_document(root, registers, notes[path])
            outcome.changed = rewrite_tei(path, root)
        except OSError as err:
            outcome.error = f"{path}: cannot be written ({err.strerror or err})"
        except Exception as err:  # noqa: BLE001 (one bad document must not stop the others)
            outcome.error = _failure(path, err)
        outcome.names = linked_names(root)
        outcome.added = outcome.names - before
        run.documents.append(outcome)
        if progress:
            progress.advance(outcome)
    return run


def _failure(path: Path, err: Exception) -> str:
    return f"{path}: cannot be tagged ({type(err).__name__}: {err}); left unchanged"


def _exit_code(errors: list[str], failed: bool = False) -> int:
    return 2 if errors else (1 if failed else 0)


def _say(console, lines, prefix: str = "error") -> None:
    for line in lines:
        console.print(f"{prefix}: {line}", markup=False, soft_wrap=True)


@click.group(name="entities", context_settings=CONTEXT)
def entities() -> None:
    """Persons, places, organisations and dates: tag, suggest new names, apply a review, report."""


@entities.command(
    name="tag",
    epilog="""\b
Examples:
  teikit entities tag tei/                     tag every document, registers in tei/registers/
  teikit entities tag tei/1922-04-24-lenin-to-stalin.xml
  teikit entities tag tei/ --format json       machine-readable summary
""",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--registers", "registers_dir", type=click.Path(file_okay=False, path_type=Path), help="Registers folder (default: registers/ beside the documents).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Summary format.")
def tag_command(paths: tuple[Path, ...], registers_dir: Path | None, fmt: str) -> None:
    """Tag dates and register names; add entries from biographical notes.

    Idempotent: a second run changes no file. Names an editor tagged, corrected or
    untagged by hand (left in <rs> or <seg type="untagged">) are kept.
    """
    out, err = consoles()
    try:
        with ProgressBar(err, "Tagging", enabled=fmt == "text") as progress:
            run = tag_documents(list(paths), registers_dir, progress)
    except InputError as error:
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    failures = [f"{folder}: folder holds no TEI documents" for folder in run.empty] + run.failures
    failed = run.failed or bool(failures)
    if fmt == "json":
        click.echo(json.dumps({
            "documents": [{"file": str(d.path), "changed": d.changed, "linked_names": d.names, "new_names": d.added,
                           "warnings": d.warnings, "error": d.error} for d in run.documents],
            "registers_written": [str(p) for p in run.registers_written],
            "warnings": run.warnings,
            "errors": run.errors + failures,
        }, indent=2, ensure_ascii=False))
    else:
        _say(out, run.warnings, "warning")
        for d in run.documents:
            state = "updated" if d.changed else "unchanged"
            out.print(f"{d.path}: {state}, {d.names} linked names ({d.added:+d})", markup=False, soft_wrap=True)
            for warning in d.warnings:
                out.print(f"warning: {warning}", markup=False, soft_wrap=True)
        for path in run.registers_written:
            out.print(f"{path}: updated", markup=False, soft_wrap=True)
        out.print(f"{len(run.documents)} document(s), {sum(d.changed for d in run.documents)} changed, "
                  f"{len(run.registers_written)} register(s) written", markup=False, soft_wrap=True)
        _say(err, run.errors + failures + [d.error for d in run.documents if d.error])
    sys.exit(_exit_code(run.errors, failed))


@entities.command(
    name="suggest",
    epilog="""\b
Examples:
  teikit entities suggest tei/ -o tei/registers/review.tsv     review file for the editors
  teikit entities suggest tei/ --format json -o review.json
  teikit entities suggest tei/ --ner spacy:en_core_web_sm      add a spaCy model's names (if installed)
Then fill in the decision column (accept, reject, merge:ID) and run `teikit entities apply`.
""",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Review file to write (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["tsv", "json"]), default="tsv", show_default=True, help="Review file format.")
@click.option("--registers", "registers_dir", type=click.Path(file_okay=False, path_type=Path), help="Registers folder (default: registers/ beside the documents).")
@click.option("--ner", metavar="spacy:MODEL", help="Also use an installed spaCy pipeline's entities (never downloaded).")
def suggest_command(paths: tuple[Path, ...], output: Path | None, fmt: str, registers_dir: Path | None, ner: str | None) -> None:
    """Propose names no register knows yet, for review (TSV or JSON)."""
    _, err = consoles()
    finder = None
    if ner:
        backend, _, model = ner.partition(":")
        if backend != "spacy" or not model:
            err.print(f"error: --ner takes spacy:MODEL (e.g. spacy:en_core_web_sm), not '{ner}'", markup=False)
            sys.exit(2)
        try:
            finder = spacy_ner(model)
        except ValueError as error:
            err.print(f"error: {error}", markup=False, soft_wrap=True)
            sys.exit(2)
    found = find_documents(list(paths))
    errors = found.missing_errors
    try:
        registers = open_registers(list(paths), registers_dir)
        rejected = read_rejected(registers.folder)
    except (InputError, RegisterError) as error:
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    documents = {}
    names = Counter(path.name for path in found.files)
    for path in found.files:
        try:
            documents[path.name if names[path.name] == 1 else str(path)] = parse_xml(path).getroot()
        except XMLInputError as error:
            errors.append(str(error))
    candidates = suggest(documents, registers, rejected, finder)
    text = review_json(candidates) if fmt == "json" else review_tsv(candidates)
    if output:
        try:
            write_atomic(output, text.encode())
        except OSError as error:
            err.print(f"error: {output}: cannot be written ({error.strerror or error})", markup=False, soft_wrap=True)
            sys.exit(2)
        err.print(f"{output}: {len(candidates)} proposed name(s) from {len(documents)} document(s)", markup=False, soft_wrap=True)
    else:
        click.echo(text, nl=False)
    for line in errors:
        err.print(f"error: {line}", markup=False, soft_wrap=True)
    sys.exit(_exit_code(errors))


@entities.command(
    name="apply",
    epilog="""\b
Examples:
  teikit entities apply tei/registers/review.tsv            update the registers, tag the documents in tei/
  teikit entities apply review.json --registers tei/registers
  teikit entities apply review.tsv --no-tag                 registers only
Decisions: accept (new entry; rows sharing a proposed id are one entry), reject (never
proposed again), merge:ID or merge + merge_with=ID (a variant name of entry ID).
""",
)
@click.argument("review", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--registers", "registers_dir", type=click.Path(file_okay=False, path_type=Path), help="Registers folder, which must exist (default: the review file's folder if it is a registers folder, else tei/registers).")
@click.option("--tag/--no-tag", default=True, show_default=True, help="Tag the documents beside the registers afterwards.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Summary format.")
def apply_command(review: Path, registers_dir: Path | None, tag: bool, fmt: str) -> None:
    """Apply a review file's decisions to the registers, then tag the documents."""
    out, err = consoles()
    explicit = registers_dir is not None
    if registers_dir is None:
        registers_dir = review.parent if review.parent.name == REGISTERS_FOLDER or (review.parent / "persons.xml").exists() else Path("tei") / REGISTERS_FOLDER
    try:
        rows = read_review(review)
        if not registers_dir.is_dir():
            hint = "" if explicit else " (run in the edition's folder, or give --registers DIR)"
            raise InputError(f"{registers_dir}: no such registers folder{hint}")
        registers = load_registers(registers_dir)
        rejected_before = read_rejected(registers.folder)
        result = apply_review(review, rows, registers)
    except ReviewError as error:
        for problem in error.problems:
            err.print(f"error: {review}:{problem}", markup=False, soft_wrap=True)
        sys.exit(1)
    except (InputError, RegisterError, XMLInputError) as error:
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    try:
        written = save_registers(registers)
        if write_rejected(registers.folder, new_rejections(rows, rejected_before)):
            written.append(registers.folder / "rejected.txt")
    except OSError as error:
        err.print(f"error: {registers.folder}: the registers cannot be written ({error.strerror or error})", markup=False, soft_wrap=True)
        sys.exit(1)
    try:
        run = tag_documents([registers.folder.parent], registers.folder) if tag else TagRun()
    except InputError as error:
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps({
            "created": result.created, "variants": [{"entry": e, "name": n} for e, n in result.variants],
            "rejected": result.rejected, "pending": result.pending, "written": [str(p) for p in written + run.registers_written],
            "documents_changed": [str(d.path) for d in run.documents if d.changed],
        }, indent=2, ensure_ascii=False))
    else:
        out.print(f"{len(result.created)} new entr{'y' if len(result.created) == 1 else 'ies'}, {len(result.variants)} name(s) added, "
                  f"{len(result.rejected)} rejected, {result.pending} undecided", markup=False, soft_wrap=True)
        for path in written + run.registers_written:
            out.print(f"{path}: updated", markup=False, soft_wrap=True)
        for d in run.documents:
            if d.changed:
                out.print(f"{d.path}: tagged ({d.added:+d} linked names)", markup=False, soft_wrap=True)
            for warning in d.warnings:
                out.print(f"warning: {warning}", markup=False, soft_wrap=True)
    _say(err, run.errors + run.failures + [d.error for d in run.documents if d.error])
    sys.exit(_exit_code(run.errors, run.failed))


@entities.command(
    name="report",
    epilog="""\b
Examples:
  teikit entities report tei/                  linked names per document, uncertain ones listed
  teikit entities report tei/ --format json
""",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format.")
def report_command(paths: tuple[Path, ...], fmt: str) -> None:
    """Linked names per entry, uncertain links, names without a link."""
    out, err = consoles()
    found = find_documents(list(paths))
    errors = found.missing_errors
    reports = []
    for path in found.files:
        try:
            root = parse_xml(path).getroot()
        except XMLInputError as error:
            errors.append(str(error))
            continue
        reports.append(document_report(path, root))
    if fmt == "json":
        click.echo(json.dumps({"documents": reports, "errors": errors}, indent=2, ensure_ascii=False))
    else:
        for r in reports:
            kinds = ", ".join(f"{n} {k}" for k, n in r["by_kind"].items())
            out.print(f"{r['file']}: {r['linked']} linked names ({kinds or 'none'}), {len(r['entries'])} entries, "
                      f"{len(r['uncertain'])} uncertain, {len(r['unlinked'])} without @ref", markup=False, soft_wrap=True)
            for u in r["uncertain"]:
                out.print(f"  uncertain: line {u['line']}: '{u['text']}' -> {u['ref']}", markup=False, soft_wrap=True)
            for u in r["unlinked"]:
                out.print(f"  no @ref: line {u['line']}: {u['element']} '{u['text']}'", markup=False, soft_wrap=True)
    for line in errors:
        err.print(f"error: {line}", markup=False, soft_wrap=True)
    sys.exit(_exit_code(errors))


def document_report(path: Path, root: etree._Element) -> dict:
    entries: Counter = Counter()
    by_kind: Counter = Counter()
    uncertain, unlinked = [], []
    for el in root.iter(*(TEI + n for n in NAME_ELEMENTS)):
        local = etree.QName(el).localname
        text = " ".join("".join(el.itertext()).split())
        ref = el.get("ref")
        if not ref:
            if local != "rs" and local != "name":
                unlinked.append({"element": local, "text": text, "line": el.sourceline})
            continue
        by_kind[local] += 1
        for token in ref.split():
            entries[token.lstrip("#")] += 1
        if el.get("cert") in {"low", "unknown"}:
            uncertain.append({"text": text, "ref": ref, "line": el.sourceline})
    return {"file": str(path), "linked": sum(by_kind.values()), "by_kind": dict(sorted(by_kind.items())),
            "entries": dict(sorted(entries.items())), "uncertain": uncertain, "unlinked": unlinked}
