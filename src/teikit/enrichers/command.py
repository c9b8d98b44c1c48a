"""`teikit entities tag|suggest|apply|report`: names and dates in the edition's documents."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click
from lxml import etree

from teikit.enrichers import enrich_document
from teikit.enrichers.biographies import add_biographies
from teikit.enrichers.candidates import spacy_ner, suggest
from teikit.enrichers.entities import NAME_ELEMENTS
from teikit.enrichers.review import (
    ReviewError,
    apply_review,
    known_rejections,
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
from teikit.registers.store import REGISTER_FOLDER
from teikit.teifile import rewrite_tei, write_atomic
from teikit.terminal import CONTEXT, ProgressBar, consoles
from teikit.xmlio import XMLInputError, parse_xml

TEI = "{http://www.tei-c.org/ns/1.0}"


class InputError(Exception):
    """Input the command cannot use at all (exit 2)."""


def collect_documents(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """TEI files named or inside the named folders (not the registers); errors for missing paths."""
    files, errors = [], []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.glob("*.xml") if p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            errors.append(f"{path}: no such file or folder")
    return [f for f in dict.fromkeys(files) if f.parent.name != REGISTER_FOLDER], errors


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
    errors: list[str] = field(default_factory=list)  # inputs that could not be read


def tag_documents(paths: list[Path], registers_folder: Path | None = None, progress: ProgressBar | None = None) -> TagRun:
    """Enrich every document (dates, biographical entries, names), write back what changed.

    Biographical notes of all documents enter the registers first, so a person one
    document's note describes is also tagged in the documents read before it.
    """
    run = TagRun()
    files, run.errors = collect_documents(paths)
    registers = open_registers(paths, registers_folder)
    roots: dict[Path, etree._Element] = {}
    for path in files:
        try:
            roots[path] = parse_xml(path).getroot()
        except XMLInputError as err:
            run.errors.append(str(err))
    for root in roots.values():
        add_biographies(root, registers)
    if progress:
        progress.start(len(roots))
    for path, root in roots.items():
        outcome = DocumentOutcome(path)
        before = linked_names(root)
        try:
            outcome.warnings = enrich_document(root, registers)
            outcome.changed = rewrite_tei(path, root)
        except OSError as err:
            outcome.error = f"{path}: cannot be written ({err.strerror or err})"
        outcome.names = linked_names(root)
        outcome.added = outcome.names - before
        run.documents.append(outcome)
        if progress:
            progress.advance(outcome)
    run.registers_written = save_registers(registers)
    return run


def _exit_code(errors: list[str], failed: bool = False) -> int:
    return 2 if errors else (1 if failed else 0)


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
    failed = any(d.error for d in run.documents)
    if fmt == "json":
        click.echo(json.dumps({
            "documents": [{"file": str(d.path), "changed": d.changed, "linked_names": d.names, "new_names": d.added,
                           "warnings": d.warnings, "error": d.error} for d in run.documents],
            "registers_written": [str(p) for p in run.registers_written],
            "errors": run.errors,
        }, indent=2, ensure_ascii=False))
    else:
        for d in run.documents:
            state = "updated" if d.changed else "unchanged"
            out.print(f"{d.path}: {state}, {d.names} linked names ({d.added:+d})", markup=False, soft_wrap=True)
            for warning in d.warnings:
                out.print(f"warning: {warning}", markup=False, soft_wrap=True)
        for path in run.registers_written:
            out.print(f"{path}: updated", markup=False, soft_wrap=True)
        out.print(f"{len(run.documents)} document(s), {sum(d.changed for d in run.documents)} changed, "
                  f"{len(run.registers_written)} register(s) written", markup=False, soft_wrap=True)
        for line in run.errors + [d.error for d in run.documents if d.error]:
            err.print(f"error: {line}", markup=False, soft_wrap=True)
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
    files, errors = collect_documents(list(paths))
    try:
        registers = open_registers(list(paths), registers_dir)
    except InputError as error:
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    documents = {}
    for path in files:
        try:
            documents[path.name] = parse_xml(path).getroot()
        except XMLInputError as error:
            errors.append(str(error))
    candidates = suggest(documents, registers, read_rejected(registers.folder), finder)
    text = review_json(candidates) if fmt == "json" else review_tsv(candidates)
    if output:
        write_atomic(output, text.encode())
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
  teikit entities apply tei/registers/review.tsv            update the registers, tag tei/*.xml
  teikit entities apply review.json --registers tei/registers
  teikit entities apply review.tsv --no-tag                 registers only
Decisions: accept (new entry; rows sharing a proposed id are one entry), reject (never
proposed again), merge:ID or merge + merge_with=ID (a variant name of entry ID).
""",
)
@click.argument("review", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--registers", "registers_dir", type=click.Path(file_okay=False, path_type=Path), help="Registers folder (default: the review file's folder if it is a registers folder, else tei/registers).")
@click.option("--tag/--no-tag", default=True, show_default=True, help="Tag the documents beside the registers afterwards.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Summary format.")
def apply_command(review: Path, registers_dir: Path | None, tag: bool, fmt: str) -> None:
    """Apply a review file's decisions to the registers, then tag the documents."""
    out, err = consoles()
    if registers_dir is None:
        registers_dir = review.parent if review.parent.name == REGISTER_FOLDER or (review.parent / "persons.xml").exists() else Path("tei") / REGISTER_FOLDER
    try:
        registers = load_registers(registers_dir)
        rows = read_review(review)
        result = apply_review(review, rows, registers)
    except ReviewError as error:
        for problem in error.problems:
            err.print(f"error: {review}:{problem}", markup=False, soft_wrap=True)
        sys.exit(1)
    except (RegisterError, XMLInputError) as error:
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    written = save_registers(registers)
    rejected_before = read_rejected(registers.folder)
    if write_rejected(registers.folder, known_rejections(rows, rejected_before)):
        written.append(registers.folder / "rejected.txt")
    run = tag_documents([registers.folder.parent], registers.folder) if tag else TagRun()
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
    sys.exit(_exit_code(run.errors, any(d.error for d in run.documents)))


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
    files, errors = collect_documents(list(paths))
    reports = []
    for path in files:
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
