"""Validating a batch of files against RELAX NG schemas and Schematrons, each loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lxml import etree

from teikit.saxon import XSLTError
from teikit.validation.edition import INTERNAL_PARAMS, EditionContext
from teikit.validation.findings import Finding
from teikit.validation.locate import Columns
from teikit.validation.relaxng import RelaxNGSchema
from teikit.validation.report import FileReport
from teikit.validation.schematron import Schematron, SchematronError
from teikit.xmlio import XMLInputError, parse_xml


@dataclass
class Validator:
    relaxng: list[RelaxNGSchema] = field(default_factory=list)
    schematrons: list[Schematron] = field(default_factory=list)
    params: dict[str, str] = field(default_factory=dict)  # user overrides of schema-level lets

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.relaxng] + [s.name for s in self.schematrons]

    def validate_files(self, files: list[Path], progress=None) -> list[FileReport]:
        """Parse every file first (the edition's registers are among them), then check each."""
        parsed: dict[Path, etree._ElementTree] = {}
        failures: dict[Path, FileReport] = {}
        for path in files:
            try:
                parsed[path] = parse_xml(path)
            except XMLInputError as err:
                failures[path] = input_failure(path, err)
        context = EditionContext(parsed)
        reports = []
        for path in files:
            report = failures.get(path) or self.validate_tree(parsed[path], path, context)
            reports.append(report)
            if progress is not None:
                progress.advance(report)
        return reports

    def validate_tree(self, tree: etree._ElementTree, path: Path, context: EditionContext | None = None) -> FileReport:
        context = context or EditionContext()
        columns = Columns.for_file(tree, path)
        findings: list[Finding] = []
        for schema in self.relaxng:
            findings += schema.validate(tree, path, columns)
        unchecked = len(context.refs_unchecked)
        for schematron in self.schematrons:
            try:
                params: dict = dict(context.params(path, schematron.parameters, tree))
                params.update({k: v for k, v in self.params.items() if k in schematron.parameters and k not in INTERNAL_PARAMS})
                findings += schematron.validate(tree, path, params, columns)
            except SchematronError as err:
                findings.append(Finding("schematron-run", "error", str(err), file=str(path), source=schematron.name))
            except XSLTError as err:  # Saxon refused a document (say, nested deeper than its parser allows)
                findings.append(Finding("schematron-run", "error", f"{schematron.name}: {err}", file=str(path), source=schematron.name))
        findings.sort(key=lambda f: (f.line or 0, f.column or 0))
        return FileReport(str(path), findings, refs_unchecked=len(context.refs_unchecked) > unchecked)

    def check_params(self) -> None:
        """Every --param must be a schema-level let of some Schematron in use, and not one
        teikit sets itself; the edition's period must be ISO dates."""
        reserved = sorted(set(self.params) & set(INTERNAL_PARAMS))
        if reserved:
            raise SchematronError(
                f"--param {', '.join(reserved)}: set by teikit itself (the edition's registers and documents, parsed safely), not on the command line"
            )
        known = {p for s in self.schematrons for p in s.parameters} - set(INTERNAL_PARAMS)
        unknown = sorted(set(self.params) - known)
        if unknown:
            raise SchematronError(
                f"no Schematron in use declares {', '.join(unknown)} (parameters: {', '.join(sorted(known)) or 'none'})"
            )
        for name in DATE_PARAMS:
            if name in self.params and not is_iso_date(self.params[name]):
                raise SchematronError(f"--param {name}={self.params[name]}: not an ISO date (YYYY-MM-DD)")


DATE_PARAMS = ("period-start", "period-end")  # teikit.sch's period: compared as xs:date


def is_iso_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def input_failure(path: Path, err: XMLInputError) -> FileReport:
    """A file that is not XML: not well-formed (with line and column) or not readable at all."""
    unreadable = err.line is None
    rule = "unreadable" if unreadable else ("xml-entities" if "entity" in err.message else "well-formed")
    finding = Finding(rule, "error", err.message, line=err.line, column=err.column, file=str(path), source="xml")
    return FileReport(str(path), [finding], unreadable=unreadable, well_formed=False)


def collect_files(arguments: list[Path]) -> tuple[list[Path], list[FileReport]]:
    """Files named, and the *.xml files under folders named (registers included), in order."""
    files: list[Path] = []
    missing: list[FileReport] = []
    for arg in arguments:
        if arg.is_dir():
            found = sorted(p for p in arg.rglob("*.xml") if p.is_file())
            if not found:
                missing.append(input_failure(arg, XMLInputError(arg, "folder holds no .xml file")))
            files += found
        elif arg.exists():
            files.append(arg)
        else:
            missing.append(input_failure(arg, XMLInputError(arg, "no such file")))
    seen: set[Path] = set()
    unique = []
    for f in files:
        if f.resolve() not in seen:
            seen.add(f.resolve())
            unique.append(f)
    return unique, missing


# --------------------------------------------------------------------------- several processes

PARALLEL_MIN_FILES = 300  # below this, starting workers (each compiles the schemas) does not pay


@dataclass(frozen=True)
class ValidatorSpec:
    """What a worker process needs to build its own Validator (compiled schemas do not pickle)."""

    relaxng: tuple[str, ...]
    schematrons: tuple[tuple[str, str | None], ...]  # (path, phase)
    params: tuple[tuple[str, str], ...] = ()

    def build(self) -> Validator:
        from teikit.validation.relaxng import load_relaxng

        return Validator(
            relaxng=[load_relaxng(p) for p in self.relaxng],
            schematrons=[Schematron.from_file(p, phase=phase) for p, phase in self.schematrons],
            params=dict(self.params),
        )


_worker: Validator | None = None


def _start_worker(spec: ValidatorSpec) -> None:
    global _worker
    _worker = spec.build()


def _validate_chunk(paths: list[str]) -> list[FileReport]:
    assert _worker is not None
    return _worker.validate_files([Path(p) for p in paths])


def validate_in_parallel(spec: ValidatorSpec, files: list[Path], jobs: int, progress=None) -> list[FileReport]:
    """The same reports as `Validator.validate_files`, in order, from `jobs` worker processes.

    Workers are spawned, not forked: Saxon's runtime does not survive a fork.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, -(-len(files) // (jobs * 4)))
    chunks = [[str(p) for p in files[i : i + size]] for i in range(0, len(files), size)]
    reports: list[FileReport] = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(spec,)) as pool:
        for chunk in pool.map(_validate_chunk, chunks):
            for report in chunk:
                reports.append(report)
                if progress is not None:
                    progress.advance(report)
    return reports
