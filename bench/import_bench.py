"""Import throughput: a synthetic corpus of the sample pages repeated, on 1 and all cores.

Usage: python bench/import_bench.py [--pages N]
Prints pages/second and documents written; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from teikit.importer import import_raw

RAW = Path(__file__).resolve().parents[1] / "raw"


def make_corpus(folder: Path, pages: int) -> None:
    samples = sorted(RAW.glob("*.txt"))
    for k in range(pages):
        src = samples[k % len(samples)]
        shutil.copy(src, folder / f"{k:05d}-{src.name}")


def timed_import(corpus: Path, out: Path, jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    results = import_raw([corpus], out, jobs=jobs)
    elapsed = time.perf_counter() - start
    failed = [r for r in results if r.failed]
    assert not failed, failed[0].error
    return elapsed, sum(len(r.outcomes) for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        make_corpus(corpus, args.pages)
        for jobs in sorted({1, os.cpu_count() or 1}):
            with tempfile.TemporaryDirectory() as out:
                elapsed, docs = timed_import(corpus, Path(out), jobs)
                print(f"import, {args.pages} pages, {jobs} worker(s): {elapsed:.2f} s, "
                      f"{args.pages / elapsed:.0f} pages/s, {docs} documents written")
                again, _ = timed_import(corpus, Path(out), jobs)
                print(f"  again, nothing changed: {again:.2f} s ({args.pages / again:.0f} pages/s)")


if __name__ == "__main__":
    main()
