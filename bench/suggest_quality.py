"""Precision and recall of `teikit entities suggest` on the five samples.

The samples are imported afresh from raw/ (untagged) and suggestions are made with empty
registers, so every name has to be found by the offline cues alone. The gold list is
tests/fixtures/entities/gold.json: what each sample names, and the entry each form
stands for.

- precision: share of proposed names that are in the gold list of a document they were
  found in (a person, place or organisation the sample really names);
- recall: share of (document, entity) pairs of which at least one written form was
  proposed for that document;
- type accuracy: share of correct proposals whose type guess matches the gold type.

Usage: PYTHONPATH=src python bench/suggest_quality.py [--verbose]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from teikit.enrichers.candidates import load_documents, suggest
from teikit.importer import import_raw
from teikit.registers import load_registers, name_key

GOLD = ROOT / "tests" / "fixtures" / "entities" / "gold.json"


def measure(documents: dict, gold: dict) -> dict:
    with tempfile.TemporaryDirectory() as empty:
        candidates = suggest(documents, load_registers(Path(empty)))
    forms = {doc: {name_key(f): (kind, entity) for kind, names in g.items() for f, entity in names.items()}
             for doc, g in gold.items() if not doc.startswith("_")}
    correct, typed, wrong = 0, 0, []
    found: set[tuple[str, str]] = set()
    for c in candidates:
        hits = [forms[d][name_key(c.surface)] for d in c.documents if name_key(c.surface) in forms.get(d, {})]
        if hits:
            correct += 1
            typed += hits[0][0] == c.type
            found |= {(d, forms[d][name_key(c.surface)][1]) for d in c.documents if name_key(c.surface) in forms.get(d, {})}
        else:
            wrong.append(c.surface)
    wanted = {(d, e) for d, f in forms.items() for _, e in f.values()}
    return {
        "proposed": len(candidates), "correct": correct, "precision": correct / len(candidates) if candidates else 0.0,
        "entities": len(wanted), "entities_found": len(found & wanted), "recall": len(found & wanted) / len(wanted),
        "type_accuracy": typed / correct if correct else 0.0,
        "false_positives": sorted(wrong), "missed": sorted(f"{d}: {e}" for d, e in wanted - found),
    }


def main() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        import_raw([ROOT / "raw"], Path(tmp), jobs=1)
        documents = load_documents(sorted(Path(tmp).glob("*.xml")))
        result = measure(documents, gold)
    print(f"proposed {result['proposed']}, correct {result['correct']}: precision {result['precision']:.1%}")
    print(f"entities named in the samples {result['entities']}, found {result['entities_found']}: recall {result['recall']:.1%}")
    print(f"type guess right for {result['type_accuracy']:.1%} of the correct proposals")
    if "--verbose" in sys.argv:
        print("false positives:", ", ".join(result["false_positives"]))
        print("missed:", ", ".join(result["missed"]))


if __name__ == "__main__":
    main()
