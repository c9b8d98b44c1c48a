"""`teikit entities tag|suggest|apply` when something goes wrong: a failing document, registers
that cannot be written, inputs that are not what they should be. One-line errors, no tracebacks,
and never a document pointing to an entry that was not saved."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

import teikit.enrichers.biographies as biographies_module
import teikit.enrichers.command as command_module
from teikit.cli import main
from teikit.enrichers.command import tag_documents
from teikit.registers import load_registers, save_registers
from teikit.xmlio import parse_xml

LETTER = FIXTURES / "entities" / "letter.xml"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
NOTE_DOC = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-{name}"><teiHeader><fileDesc><titleStmt><title>t</title>'
    "</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
    '<text><body><p>Alksnis<note type="biographical">Yakov Ivanovich Alksnis, commander of the Red Army air force, '
    "1926–37.</note> came to Moscow.</p></body></text></TEI>\n"
)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    """tei/ with the fixture letter, a document with a biographical note, and registers."""
    tei = tmp_path / "tei"
    tei.mkdir()
    shutil.copy(LETTER, tei / "letter.xml")
    (tei / "note.xml").write_text(NOTE_DOC.format(name="note"), encoding="utf-8")
    registers = load_registers(tei / "registers")
    registers.add_entry("person", "Joseph Stalin", "stalin")
    registers.add_entry("place", "Moscow", "moscow")
    save_registers(registers)
    return tei


def snapshot(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def review(path: Path, *rows: str) -> Path:
    header = "surface\ttype\tcount\tdocuments\tcontext\tproposed_id\tdecision\tmerge_with\n"
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------- tag: registers first, failures per document


def test_the_registers_are_saved_before_any_document_is_written(edition, monkeypatch):
    seen = []
    original = command_module.rewrite_tei

    def rewrite(path, root):
        seen.append("alksnis" in (edition / "registers" / "persons.xml").read_text())
        return original(path, root)

    monkeypatch.setattr(command_module, "rewrite_tei", rewrite)
    tag_documents([edition])
    assert seen and all(seen)


def test_registers_that_cannot_be_written_are_one_error_and_no_document_changes(edition, monkeypatch):
    def refuse(registers):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(command_module, "save_registers", refuse)
    before = snapshot(edition)
    result = run("entities", "tag", str(edition))
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "registers cannot be written (Permission denied)" in result.stderr
    assert snapshot(edition) == before


def test_a_document_that_fails_is_reported_and_the_others_are_tagged(edition, monkeypatch):
    original = command_module.enrich_document

    def enrich(root, registers, *args):
        if root.get("{http://www.w3.org/XML/1998/namespace}id") == "doc-note":
            raise RuntimeError("boom")
        return original(root, registers, *args)

    monkeypatch.setattr(command_module, "enrich_document", enrich)
    before = (edition / "note.xml").read_bytes()
    result = run("entities", "tag", str(edition))
    assert result.exit_code == 1
    assert "note.xml: cannot be tagged (RuntimeError: boom)" in result.stderr
    assert "letter.xml: updated" in result.stdout
    assert (edition / "note.xml").read_bytes() == before


def test_biographical_notes_are_read_once_per_document(edition, monkeypatch):
    calls = []
    original = biographies_module.add_biographies

    def counting(root, registers):
        calls.append(root.get("{http://www.w3.org/XML/1998/namespace}id"))
        return original(root, registers)

    monkeypatch.setattr(biographies_module, "add_biographies", counting)
    monkeypatch.setattr(command_module, "add_biographies", counting)
    tag_documents([edition])
    assert sorted(calls) == ["doc-1926-04-02-trotsky-to-serebryakov", "doc-note"]


def test_a_document_whose_root_is_not_tei_is_an_error_and_left_alone(edition):
    (edition / "other.xml").write_text("<foo>Stalin in Moscow</foo>", encoding="utf-8")
    result = run("entities", "tag", str(edition))
    assert result.exit_code == 1
    assert "other.xml: not a TEI document" in result.stderr
    assert (edition / "other.xml").read_text(encoding="utf-8") == "<foo>Stalin in Moscow</foo>"


def test_tagging_a_folder_without_documents_is_an_error(tmp_path):
    result = run("entities", "tag", str(tmp_path))
    assert result.exit_code == 1
    assert f"{tmp_path}: folder holds no TEI documents" in result.stderr


def test_an_entry_without_xml_id_is_reported_when_tagging(edition):
    path = edition / "registers" / "places.xml"
    path.write_text(path.read_text(encoding="utf-8").replace(' xml:id="moscow"', ""), encoding="utf-8")
    result = run("entities", "tag", str(edition))
    assert "'Moscow' has no xml:id" in result.stdout
    assert 'ref="#"' not in (edition / "letter.xml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- which documents


def test_tag_finds_documents_in_subfolders(edition):
    (edition / "1926").mkdir()
    shutil.move(edition / "letter.xml", edition / "1926" / "letter.xml")
    assert run("entities", "tag", str(edition)).exit_code == 0
    root = parse_xml(edition / "1926" / "letter.xml").getroot()
    assert root.xpath("//t:p//t:persName[.='Stalin']/@ref", namespaces=NS) == ["#stalin"]


def test_tag_leaves_hidden_folders_alone(edition):
    (edition / ".drafts").mkdir()
    shutil.copy(LETTER, edition / ".drafts" / "letter.xml")
    assert run("entities", "tag", str(edition)).exit_code == 0
    assert (edition / ".drafts" / "letter.xml").read_bytes() == LETTER.read_bytes()


# ---------------------------------------------------------------- apply


def test_apply_from_another_folder_refuses_to_create_registers_there(edition, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    path = review(elsewhere / "review.tsv", "Pyatakov\tperson\t1\tletter.xml\t…\tpyatakov\taccept\t")
    result = run("entities", "apply", str(path))
    assert result.exit_code == 2
    assert "tei/registers: no such registers folder" in result.stderr
    assert not (elsewhere / "tei").exists()


def test_apply_with_a_registers_folder_that_does_not_exist_is_an_error(edition, tmp_path):
    path = review(tmp_path / "review.tsv", "Pyatakov\tperson\t1\tletter.xml\t…\tpyatakov\taccept\t")
    result = run("entities", "apply", str(path), "--registers", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "nowhere: no such registers folder" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_an_accepted_id_that_would_be_changed_is_refused_with_its_line(edition):
    path = review(edition / "registers" / "review.tsv",
                  "Foo Bar\tperson\t1\tletter.xml\t…\tfoo-\taccept\t",
                  "F. Bar\tperson\t1\tletter.xml\t…\t\tmerge:foo-\t")
    before = snapshot(edition)
    result = run("entities", "apply", str(path))
    assert result.exit_code == 1
    assert "review.tsv:2: proposed id 'foo-' is not a lowercase ASCII slug" in result.stderr
    assert snapshot(edition) == before


def test_a_null_surface_in_a_json_review_is_an_empty_surface(edition):
    path = edition / "registers" / "review.json"
    path.write_text(json.dumps([{"surface": None, "type": "person", "proposed_id": "nobody", "decision": "accept"}]))
    result = run("entities", "apply", str(path), "--no-tag")
    assert result.exit_code == 1
    assert "empty surface form" in result.stderr
    assert load_registers(edition / "registers").get("nobody") is None


def test_rejecting_keeps_the_editors_comments_in_rejected_txt(edition):
    rejected = edition / "registers" / "rejected.txt"
    rejected.write_text("# our notes: Radek is rejected because ...\nTrotsky\n", encoding="utf-8")
    path = review(edition / "registers" / "review.tsv", "Radek\tperson\t1\tletter.xml\t…\tradek\treject\t")
    assert run("entities", "apply", str(path), "--no-tag").exit_code == 0
    assert rejected.read_text(encoding="utf-8") == "# our notes: Radek is rejected because ...\nTrotsky\nRadek\n"


def test_rejected_txt_is_not_created_when_nothing_is_rejected(edition):
    path = review(edition / "registers" / "review.tsv", "Pyatakov\tperson\t1\tletter.xml\t…\tpyatakov\taccept\t")
    assert run("entities", "apply", str(path), "--no-tag").exit_code == 0
    assert not (edition / "registers" / "rejected.txt").exists()


def test_a_rejected_txt_that_is_not_utf8_is_one_error(edition):
    (edition / "registers" / "rejected.txt").write_bytes(b"Radek\n\xff\xfe\n")
    path = review(edition / "registers" / "review.tsv", "Kamenev\tperson\t1\tletter.xml\t…\tkamenev\treject\t")
    result = run("entities", "apply", str(path))
    assert result.exit_code == 2
    assert "rejected.txt: not UTF-8 text" in result.stderr and "Traceback" not in result.output


def test_suggest_to_a_path_that_cannot_be_written_is_one_error(edition, tmp_path):
    (tmp_path / "afile").write_text("x")
    result = run("entities", "suggest", str(edition), "-o", str(tmp_path / "afile" / "review.tsv"))
    assert result.exit_code == 2
    assert "review.tsv: cannot be written" in result.stderr


def test_apply_with_registers_that_cannot_be_written_is_one_error(edition, monkeypatch):
    def refuse(registers):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(command_module, "save_registers", refuse)
    path = review(edition / "registers" / "review.tsv", "Pyatakov\tperson\t1\tletter.xml\t…\tpyatakov\taccept\t")
    result = run("entities", "apply", str(path))
    assert result.exit_code == 1
    assert "registers cannot be written (Permission denied)" in result.stderr
