"""`teikit entities tag|report` on the command line: one command enriches a document completely."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from teikit.cli import main
from teikit.importer import import_raw
from teikit.registers import load_registers
from teikit.xmlio import parse_xml

MAISKY = Path("1934-12-31-maisky-diary.xml")
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    """The diary as the import writes it (untagged, whatever happens to tei/ later)."""
    folder = tmp_path_factory.mktemp("imported")
    import_raw([ROOT / "raw" / "1934-12-31-maisky-diary.yale-sda.txt"], folder, jobs=1)
    return folder / MAISKY.name


@pytest.fixture
def diary(tmp_path: Path, imported: Path) -> Path:
    """The diary alone, with no registers yet."""
    shutil.copy(imported, tmp_path / MAISKY.name)
    return tmp_path


def test_tag_creates_register_entries_from_the_biographical_notes(diary):
    assert run("entities", "tag", str(diary)).exit_code == 0
    registers = load_registers(diary / "registers")
    assert registers.get("astakhov").preferred == "Georgii Aleksandrovich Astakhov"


def test_tag_links_the_mentions_of_the_new_entries(diary):
    run("entities", "tag", str(diary / MAISKY.name))
    root = parse_xml(diary / MAISKY.name).getroot()
    assert len(root.xpath("//t:body//t:persName[@ref='#astakhov']", namespaces=NS)) == 4


def test_tag_also_tags_the_dates(diary):
    run("entities", "tag", str(diary))
    root = parse_xml(diary / MAISKY.name).getroot()
    assert root.xpath("//t:body//t:p//t:date[.='15 December']/@when", namespaces=NS) == ["1934-12-15"]


def test_an_unreadable_document_is_reported_and_the_others_are_tagged(diary):
    (diary / "broken.xml").write_text("<TEI><p></TEI>")
    result = run("entities", "tag", str(diary))
    assert result.exit_code == 2
    assert "broken.xml:1" in result.stderr and "not well-formed" in result.stderr
    assert "1934-12-31-maisky-diary.xml: updated" in result.stdout


def test_a_missing_path_is_an_error(tmp_path):
    result = run("entities", "tag", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "nowhere: no such file or folder" in result.stderr


def test_tag_can_summarise_in_json(diary):
    data = json.loads(run("entities", "tag", str(diary), "--format", "json").stdout)
    [document] = data["documents"]
    assert (document["changed"], document["new_names"] > 0, data["errors"]) == (True, True, [])
    assert [Path(p).name for p in data["registers_written"]] == ["persons.xml"]


def test_report_counts_linked_names_per_entry(diary):
    run("entities", "tag", str(diary))
    data = json.loads(run("entities", "report", str(diary), "--format", "json").stdout)
    [document] = data["documents"]
    assert document["entries"]["middleton"] == 15
    assert document["uncertain"] == []


def test_report_lists_uncertain_links_with_their_line(diary):
    path = diary / MAISKY.name
    path.write_text(path.read_text().replace("Comrades Kagan", 'Comrades <persName ref="#a #b" cert="low">Kagan</persName>'))
    result = run("entities", "report", str(diary))
    assert "uncertain: line" in result.stdout and "'Kagan' -> #a #b" in result.stdout


@pytest.mark.parametrize("command", [["entities", "tag"], ["entities", "suggest"], ["entities", "apply"],
                                     ["entities", "report"], ["registers", "check"]])
def test_every_command_has_help_with_examples(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout


def test_an_editors_correction_survives_tagging_the_file_again(diary):
    run("entities", "tag", str(diary))
    path = diary / MAISKY.name
    corrected = path.read_text().replace('<persName ref="#kean">Kean</persName>', '<persName ref="#lansbury">Kean</persName>', 1)
    assert corrected != path.read_text()
    path.write_text(corrected)
    result = run("entities", "tag", str(diary))
    assert result.exit_code == 0
    assert path.read_text() == corrected
