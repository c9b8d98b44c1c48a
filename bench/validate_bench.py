"""Validation throughput: 1,000 small TEI documents against teikit.rng + teikit.sch.

Usage: PYTHONPATH=src python bench/validate_bench.py [--documents N]
Prints the schema load and compile times, the time for the sample edition, and documents
per second for a synthetic edition (the sample letters repeated, with a registers folder,
some documents carrying errors); nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from teikit.resources import schema_file
from teikit.validation.relaxng import load_relaxng
from teikit.validation.schematron import Schematron
from teikit.validation.validator import (
    Validator,
    ValidatorSpec,
    collect_files,
    validate_in_parallel,
)

TEI = Path(__file__).resolve().parents[1] / "tei"


def make_edition(folder: Path, documents: int) -> None:
    """The sample documents repeated (every tenth with a bad @ref), plus the registers."""
    samples = [p.read_text(encoding="utf-8") for p in sorted(TEI.glob("*.xml"))]
    for k in range(documents):
        text = samples[k % len(samples)].replace('xml:id="doc-', f'xml:id="d{k}-doc-', 1)
        if k % 10 == 0:
            text = text.replace("<p>", '<p><persName ref="#nobody">Nobody</persName> ', 1)
        (folder / f"{k:05d}.xml").write_text(text, encoding="utf-8")
    if (TEI / "registers").is_dir():
        shutil.copytree(TEI / "registers", folder / "registers")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()

    start = time.perf_counter()
    rng = load_relaxng(schema_file("teikit.rng"))
    rng_seconds = time.perf_counter() - start
    start = time.perf_counter()
    sch = Schematron.from_file(schema_file("teikit.sch"))
    sch_seconds = time.perf_counter() - start
    print(f"load teikit.rng: {rng_seconds * 1000:.0f} ms; compile teikit.sch: {sch_seconds * 1000:.0f} ms")
    validator = Validator(relaxng=[rng], schematrons=[sch])

    files, _ = collect_files([TEI])
    start = time.perf_counter()
    reports = validator.validate_files(files)
    print(f"sample edition: {len(reports)} files in {(time.perf_counter() - start) * 1000:.0f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_edition(folder, args.documents)
        files, _ = collect_files([folder])
        start = time.perf_counter()
        reports = validator.validate_files(files)
        report("1 process", reports, time.perf_counter() - start, args.documents)
        jobs = os.cpu_count() or 1
        if jobs > 1:
            spec = ValidatorSpec((str(schema_file("teikit.rng")),), ((str(schema_file("teikit.sch")), None),))
            start = time.perf_counter()
            reports = validate_in_parallel(spec, files, jobs)
            report(f"{jobs} processes (start-up included)", reports, time.perf_counter() - start, args.documents)


def report(label: str, reports: list, seconds: float, documents: int) -> None:
    errors = sum(r.count("error") for r in reports)
    print(f"{label}: {len(reports)} files ({documents} documents + registers) in {seconds:.2f} s: "
          f"{len(reports) / seconds:.0f} files/s, {errors} errors found")


if __name__ == "__main__":
    main()
