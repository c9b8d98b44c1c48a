"""The review round trip: suggest -> the editor decides -> apply; and bad review files."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from teikit.cli import main
from teikit.registers import load_registers, save_registers
from teikit.xmlio import parse_xml

LETTER = FIXTURES / "entities" / "letter.xml"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    """tei/ with the fixture letter and registers that know Stalin, Moscow and the Politburo."""
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(LETTER, tei / "letter.xml")
    registers = load_registers(tei / "registers")
    registers.add_entry("person", "Joseph Stalin", "stalin").add_name("I. V. Stalin")
    registers.add_entry("place", "Moscow", "moscow")
    registers.add_entry("org", "Political Bureau", "politburo")
    save_registers(registers)
    return tei


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def suggest_rows(tei: Path, *extra: str) -> list[dict]:
    result = run("entities", "suggest", str(tei), *extra)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(result.stdout.splitlines(), delimiter="\t"))


def write_tsv(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def decide(rows: list[dict], decisions: dict[str, str]) -> list[dict]:
    for row in rows:
        row["decision"] = decisions.get(row["surface"], "")
    return rows


def by_surface(rows: list[dict]) -> dict[str, dict]:
    return {r["surface"]: r for r in rows}


def test_suggest_writes_the_review_columns(edition):
    rows = suggest_rows(edition)
    assert list(rows[0]) == ["surface", "type", "count", "documents", "context", "proposed_id", "decision", "merge_with"]
    assert by_surface(rows)["Kamenev"] | {"context": ""} == {
        "surface": "Kamenev", "type": "person", "count": "1", "documents": "letter.xml", "context": "",
        "proposed_id": "kamenev", "decision": "", "merge_with": "",
    }


def test_suggest_leaves_out_names_the_registers_know(edition):
    surfaces = by_surface(suggest_rows(edition))
    assert "Stalin" not in surfaces and "Moscow" not in surfaces


def test_forms_of_one_surname_are_proposed_as_one_entry(edition):
    rows = by_surface(suggest_rows(edition))
    assert rows["L. D. Trotsky"]["proposed_id"] == rows["L. Trotsky"]["proposed_id"] == "trotsky"


def test_the_review_round_trip_updates_registers_and_tags_the_documents(edition):
    rows = decide(suggest_rows(edition), {"L. D. Trotsky": "accept", "L. Trotsky": "accept", "Pyatakov": "accept",
                                          "Radek": "reject", "Politburo": "merge:politburo"})
    review = edition / "registers" / "review.tsv"
    write_tsv(review, rows)
    result = run("entities", "apply", str(review))
    assert result.exit_code == 0, result.output
    registers = load_registers(edition / "registers")
    assert registers.get("trotsky").names == [("L. D. Trotsky", "preferred"), ("L. Trotsky", "variant")]
    assert ("Politburo", "variant") in registers.get("politburo").names
    root = parse_xml(edition / "letter.xml").getroot()
    assert root.xpath("//t:signed/t:persName/@ref", namespaces=NS) == ["#trotsky"]
    assert root.xpath("//t:correspAction[@type='sent']/t:persName/@ref", namespaces=NS) == ["#trotsky"]
    assert root.xpath("//t:p//t:persName[.='Pyatakov']/@ref", namespaces=NS) == ["#pyatakov"]
    assert root.xpath("//t:p//t:orgName[.='Politburo']/@ref", namespaces=NS) == ["#politburo"]


def test_applied_and_rejected_names_are_not_proposed_again(edition):
    rows = decide(suggest_rows(edition), {"Pyatakov": "accept", "Radek": "reject"})
    write_tsv(edition / "registers" / "review.tsv", rows)
    assert run("entities", "apply", str(edition / "registers" / "review.tsv")).exit_code == 0
    again = by_surface(suggest_rows(edition))
    assert "Pyatakov" not in again and "Radek" not in again and "Kamenev" in again
    assert "Radek" in (edition / "registers" / "rejected.txt").read_text().splitlines()


def test_undecided_rows_change_nothing(edition):
    write_tsv(edition / "registers" / "review.tsv", suggest_rows(edition))
    before = {p: p.read_bytes() for p in (edition / "registers").glob("*.xml")}
    result = run("entities", "apply", str(edition / "registers" / "review.tsv"), "--no-tag")
    assert result.exit_code == 0
    assert {p: p.read_bytes() for p in (edition / "registers").glob("*.xml")} == before
    assert "0 new entries" in result.stdout


def test_an_editor_can_correct_type_and_id_before_accepting(edition):
    rows = suggest_rows(edition)
    for row in rows:
        if row["surface"] == "Leningrad":
            row.update(type="place", proposed_id="leningrad-city", decision="accept")
    write_tsv(edition / "registers" / "review.tsv", rows)
    assert run("entities", "apply", str(edition / "registers" / "review.tsv"), "--no-tag").exit_code == 0
    assert load_registers(edition / "registers").get("leningrad-city").kind == "place"


def test_a_json_review_file_round_trips(edition):
    result = run("entities", "suggest", str(edition), "--format", "json")
    rows = json.loads(result.stdout)
    for row in rows:
        if row["surface"] == "Kamenev":
            row["decision"] = "accept"
    review = edition / "registers" / "review.json"
    review.write_text(json.dumps(rows, indent=2))
    assert run("entities", "apply", str(review), "--no-tag").exit_code == 0
    assert load_registers(edition / "registers").get("kamenev").preferred == "Kamenev"


@pytest.mark.parametrize(("change", "message"), [
    ({"decision": "acept"}, ":2: unknown decision 'acept' (use accept, reject, merge or merge:ID)"),
    ({"decision": "merge:nobody"}, ":2: unknown merge id 'nobody'"),
    ({"decision": "merge"}, ":2: merge needs the id of the entry in merge_with"),
    ({"decision": "accept", "type": "thing"}, ":2: unknown type 'thing' (use person, place or org)"),
    ({"decision": "accept", "proposed_id": "Not An Id"}, ":2: proposed id 'Not An Id' is not a lowercase ASCII slug"),
])
def test_a_bad_decision_is_refused_with_its_line_and_nothing_changes(edition, change, message):
    rows = suggest_rows(edition)
    rows[0].update(change)
    rows[1]["decision"] = "accept"
    review = edition / "registers" / "review.tsv"
    write_tsv(review, rows)
    before = {p: p.read_bytes() for p in edition.rglob("*.xml")}
    result = run("entities", "apply", str(review))
    assert result.exit_code == 1
    assert message in result.stderr
    assert {p: p.read_bytes() for p in edition.rglob("*.xml")} == before


def test_a_review_file_with_wrong_columns_is_refused_at_line_one(edition):
    review = edition / "registers" / "review.tsv"
    review.write_text("name\tdecision\nStalin\taccept\n")
    result = run("entities", "apply", str(review))
    assert result.exit_code == 1
    assert "review.tsv:1: the header must be the columns" in result.stderr


def test_a_row_with_missing_columns_is_refused_with_its_line(edition):
    rows = suggest_rows(edition)
    review = edition / "registers" / "review.tsv"
    write_tsv(review, rows)
    review.write_text(review.read_text() + "Krasin\tperson\n")
    result = run("entities", "apply", str(review))
    assert result.exit_code == 1
    assert f"review.tsv:{len(rows) + 2}: 2 columns, expected 8" in result.stderr


def test_a_missing_spacy_model_is_a_clear_error(edition, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # spaCy not installed
    result = run("entities", "suggest", str(edition), "--ner", "spacy:en_core_web_sm")
    assert result.exit_code == 2
    assert "needs spaCy, which is not installed" in result.stderr


def test_an_error_in_a_json_review_file_names_the_line_its_row_starts_on(edition):
    rows = json.loads(run("entities", "suggest", str(edition), "--format", "json").stdout)
    rows[1]["decision"] = "maybe"
    review = edition / "registers" / "review.json"
    review.write_text(json.dumps(rows, indent=2))
    second_row = [n for n, line in enumerate(review.read_text().splitlines(), start=1) if line == "  {"][1]
    result = run("entities", "apply", str(review))
    assert result.exit_code == 1
    assert f"review.json:{second_row}: unknown decision 'maybe'" in result.stderr
