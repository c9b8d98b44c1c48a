"""How long `teikit render` takes: the sample edition (tei/) and the real-TEI set, per format.

    python bench/render_bench.py [--formats html,text,cmif] [--repeat 3]

Each run is a fresh process (stylesheet compilation included, as a user sees it); the
best of --repeat runs is reported (bench/pdf_bench.py times the PDF writer).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEIKIT_SHARED", ROOT.parent / "shared"))
SETS = {"sample edition (tei/)": ROOT / "tei", "real TEI": SHARED / "reference" / "real-tei"}


def time_render(inputs: Path, fmt: str, repeat: int) -> tuple[float, float, int]:
    """Best wall-clock seconds over `repeat` runs, best seconds inside the writer (as the
    JSON summary says: compiling and rendering, without starting Python), last exit code."""
    best, inside, code = float("inf"), float("inf"), 0
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "teikit", "render", str(inputs), "--to", fmt, "-o", out, "--format", "json"],
                                  env=env, capture_output=True)
            best = min(best, time.perf_counter() - started)
            code = done.returncode
            inside = min(inside, json.loads(done.stdout)["formats"][fmt]["seconds"])
    return best, inside, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="html,text,cmif")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'set':24} {'format':6} {'files':>5} {'wall s':>7} {'writer s':>8}  exit")
    for name, folder in SETS.items():
        if not folder.exists():
            print(f"{name:24} (not found: {folder})")
            continue
        files = len([p for p in folder.rglob("*.xml") if "registers" not in p.parts])
        for fmt in args.formats.split(","):
            seconds, inside, code = time_render(folder, fmt, args.repeat)
            print(f"{name:24} {fmt:6} {files:5d} {seconds:7.2f} {inside:8.2f}  {code}")


if __name__ == "__main__":
    main()
