"""PDF rendering time: the sample edition (tei/) and the real-TEI reference set.

Usage: python bench/pdf_bench.py [--repeat N] [--shared DIR]
For each set: seconds for the whole run (compiling pdf.xsl, XSLT, one Typst compile per
document and one for the edition), the split between XSLT and Typst, pages written.
Nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from typing_extensions import Self

from teikit import saxon
from teikit.resources import stylesheet
from teikit.writers import pdf
from teikit.writers.render import collect_inputs, find_registers

ROOT = Path(__file__).resolve().parents[1]


class Timed:
    """Wraps pdf.typst_document and pdf.compile_typst to add up where the time goes."""

    def __init__(self) -> None:
        self.xslt = 0.0
        self.typst = 0.0
        self._xslt, self._typst = pdf.typst_document, pdf.compile_typst

    def __enter__(self) -> Self:
        def xslt(*a, **k):
            start = time.perf_counter()
            try:
                return self._xslt(*a, **k)
            finally:
                self.xslt += time.perf_counter() - start

        def typst(*a, **k):
            start = time.perf_counter()
            try:
                return self._typst(*a, **k)
            finally:
                self.typst += time.perf_counter() - start

        pdf.typst_document, pdf.compile_typst = xslt, typst
        return self

    def __exit__(self, *exc) -> None:
        pdf.typst_document, pdf.compile_typst = self._xslt, self._typst


def bench(name: str, documents: list[Path], registers: Path | None, repeat: int) -> None:
    best = None
    for _ in range(repeat):
        saxon._compiled.clear()  # each run compiles pdf.xsl, as `teikit render` does
        with tempfile.TemporaryDirectory() as out, Timed() as timed:
            start = time.perf_counter()
            report = pdf.write_pdf(documents, Path(out), {}, registers)
            total = time.perf_counter() - start
            written = len(report.written)
            failures = len(report.failures)
        if best is None or total < best[0]:
            best = (total, timed.xslt, timed.typst, written, failures)
    total, xslt, typst_s, written, failures = best
    print(f"{name:<16} {len(documents):>3} documents  {total:6.2f} s  (XSLT {xslt:5.2f} s, Typst {typst_s:5.2f} s)"
          f"  {written} PDFs, {failures} failures")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per set; the fastest is reported")
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("TEIKIT_SHARED", ROOT.parent / "shared")))
    args = parser.parse_args()
    start = time.perf_counter()
    saxon.compile_stylesheet(stylesheet("pdf.xsl"))
    print(f"compiling pdf.xsl: {time.perf_counter() - start:.2f} s (once per run; included below)")
    sample = collect_inputs([ROOT / "tei"])
    bench("sample edition", sample, find_registers([ROOT / "tei"], None), args.repeat)
    real = args.shared / "reference" / "real-tei"
    if real.is_dir():
        bench("real TEI", collect_inputs([real]), None, args.repeat)
    else:
        print(f"real TEI: not found at {real}")


if __name__ == "__main__":
    main()
