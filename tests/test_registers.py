"""The registers: files, names and their short forms, and `teikit registers check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import assert_valid_tei
from lxml import etree

from teikit.cli import main
from teikit.registers import NameIndex, load_registers, save_registers
from teikit.registers.check import check_registers
from teikit.registers.lookup import derived_forms
from teikit.registers.model import T

TEI_NS = "http://www.tei-c.org/ns/1.0"


def registers_with(folder: Path, *entries: tuple[str, str, str, list[str]]):
    """Registers holding (kind, id, preferred name, variants) entries."""
    registers = load_registers(folder)
    for kind, entry_id, preferred, variants in entries:
        entry = registers.add_entry(kind, preferred, entry_id)
        for variant in variants:
            entry.add_name(variant)
    return registers


def document(body: str) -> etree._Element:
    return etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        f"<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        f"<text><body>{body}</body></text></TEI>"
    )


# ---------------------------------------------------------------- files


def test_a_missing_registers_folder_is_empty_registers(tmp_path):
    assert load_registers(tmp_path / "registers").entries() == []


def test_saved_registers_are_three_valid_tei_files(tmp_path, tei_all):
    registers = registers_with(tmp_path, ("person", "stalin", "Joseph Stalin", ["I. V. Stalin"]),
                               ("place", "moscow", "Moscow", []), ("org", "politburo", "Politburo", ["Politbureau"]))
    written = save_registers(registers)
    assert sorted(p.name for p in written) == ["orgs.xml", "persons.xml", "places.xml"]
    for path in written:
        assert_valid_tei(tei_all, etree.parse(str(path)).getroot())


def test_an_entry_has_its_preferred_name_and_variants(tmp_path):
    registers = registers_with(tmp_path, ("person", "stalin", "Joseph Stalin", ["I. V. Stalin", "Stalin"]))
    save_registers(registers)
    entry = load_registers(tmp_path).get("stalin")
    assert entry.preferred == "Joseph Stalin"
    assert entry.names == [("Joseph Stalin", "preferred"), ("I. V. Stalin", "variant"), ("Stalin", "variant")]


def test_saving_unchanged_registers_writes_nothing(tmp_path):
    save_registers(registers_with(tmp_path, ("place", "moscow", "Moscow", [])))
    before = (tmp_path / "places.xml").stat().st_mtime_ns
    assert save_registers(load_registers(tmp_path)) == []
    assert (tmp_path / "places.xml").stat().st_mtime_ns == before


def test_what_an_editor_adds_to_an_entry_survives_a_save(tmp_path):
    save_registers(registers_with(tmp_path, ("person", "kirov", "Kirov", [])))
    path = tmp_path / "persons.xml"
    path.write_text(path.read_text().replace('<persName type="preferred">Kirov</persName>',
                                             '<persName type="preferred">Kirov</persName><sex value="1"/>'))
    registers = load_registers(tmp_path)
    registers.get("kirov").add_name("S. M. Kirov")
    save_registers(registers)
    assert '<sex value="1"/>' in path.read_text()


def test_new_ids_never_repeat_an_existing_one(tmp_path):
    registers = registers_with(tmp_path, ("person", "chamberlain", "Austen Chamberlain", []))
    assert registers.add_entry("person", "Neville Chamberlain", "chamberlain").id == "chamberlain-2"


def test_a_register_that_is_not_tei_is_refused(tmp_path):
    (tmp_path / "persons.xml").write_text("<list/>")
    result = CliRunner().invoke(main, ["registers", "check", str(tmp_path.parent), "--registers", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a TEI register" in result.stderr


# ---------------------------------------------------------------- names


def test_surname_and_initials_are_derived_from_a_full_name(tmp_path):
    entry = registers_with(tmp_path, ("person", "chamberlain", "Joseph Austen Chamberlain", [])).get("chamberlain")
    assert {"Chamberlain", "J. A. Chamberlain", "J. Chamberlain"} <= derived_forms(entry)


def test_a_catalogue_form_gives_the_surname_before_the_comma(tmp_path):
    entry = registers_with(tmp_path, ("person", "maisky", "Liakhovetsky, Ivan Mikhailovich", [])).get("maisky")
    assert "Liakhovetsky" in derived_forms(entry)
    assert "I. M. Liakhovetsky" in derived_forms(entry)


def test_a_compound_surname_marked_up_is_never_cut(tmp_path):
    registers = load_registers(tmp_path)
    entry = registers.add_entry("person", "x", "lloyd-george")
    name = entry.element.find(T + "persName")
    name.text = None
    etree.SubElement(name, T + "surname").text = "Lloyd George"
    assert "George" not in derived_forms(entry)
    assert "Lloyd George" in derived_forms(entry)


def test_names_are_found_whole_words_only(tmp_path):
    index = NameIndex(registers_with(tmp_path, ("person", "lenin", "V. I. Lenin", [])))
    assert [m.surface for m in index.find("Leninist views of Lenin and Leningrad")] == ["Lenin"]


def test_a_name_is_found_across_a_line_break(tmp_path):
    index = NameIndex(registers_with(tmp_path, ("person", "austen-chamberlain", "Austen Chamberlain", [])))
    [mention] = index.find("Churchill and Austen\n   Chamberlain declared")
    assert mention.surface == "Austen\n   Chamberlain"


def test_a_possessive_stays_outside_the_name(tmp_path):
    index = NameIndex(registers_with(tmp_path, ("person", "stalin", "Joseph Stalin", [])))
    assert [m.surface for m in index.find("Stalin’s predecessor and Stalin's")] == ["Stalin", "Stalin"]


def test_names_in_capitals_are_found(tmp_path):
    index = NameIndex(registers_with(tmp_path, ("person", "joffe", "A. A. Joffe", [])))
    assert [m.candidates for m in index.find("To A. A. JOFFE")] == [("joffe",)]


def test_a_surname_after_an_unknown_given_name_is_not_linked(tmp_path):
    index = NameIndex(registers_with(tmp_path, ("person", "austen-chamberlain", "Joseph Austen Chamberlain", [])))
    assert index.find("half-brother of Neville Chamberlain") == []
    assert [m.surface for m in index.find("said Comrade Chamberlain")] == ["Chamberlain"]


def test_a_surname_two_entries_share_gives_both_candidates(tmp_path):
    index = NameIndex(registers_with(tmp_path, ("person", "austen-chamberlain", "Austen Chamberlain", []),
                                     ("person", "neville-chamberlain", "Neville Chamberlain", [])))
    [mention] = index.find("Mr Chamberlain replied")
    assert mention.candidates == ("austen-chamberlain", "neville-chamberlain")


def test_a_listed_variant_wins_over_a_derived_short_form(tmp_path):
    index = NameIndex(registers_with(tmp_path, ("person", "austen-chamberlain", "Austen Chamberlain", ["Chamberlain"]),
                                     ("person", "neville-chamberlain", "Neville Chamberlain", [])))
    assert [m.candidates for m in index.find("Chamberlain replied")] == [("austen-chamberlain",)]


def test_a_catalogue_header_name_is_looked_up_by_its_parts(tmp_path):
    index = NameIndex(registers_with(tmp_path, ("person", "maisky", "Ivan Mikhailovich Maisky", ["Ivan Mikhailovich Liakhovetsky"])))
    assert index.lookup_written("Liakhovetsky, Ivan Mikhailovich (Maisky)") == {"maisky"}


# ---------------------------------------------------------------- check


def test_check_reports_an_entry_no_document_uses(tmp_path):
    registers = registers_with(tmp_path, ("person", "kirov", "Kirov", []))
    [problem] = check_registers(registers, {Path("a.xml"): document("<p>nothing</p>")})
    assert (problem.kind, problem.where) == ("unused", "kirov")


def test_check_reports_a_name_two_entries_list(tmp_path):
    registers = registers_with(tmp_path, ("person", "a", "Austen Chamberlain", ["Chamberlain"]),
                               ("person", "n", "Neville Chamberlain", ["Chamberlain"]))
    problems = check_registers(registers, {Path("a.xml"): document('<p><persName ref="#a">x</persName><persName ref="#n">y</persName></p>')})
    assert [(p.kind, p.where) for p in problems] == [("duplicate-name", "n")]


def test_check_reports_an_entry_without_a_preferred_name(tmp_path):
    registers = registers_with(tmp_path, ("place", "moscow", "Moscow", []))
    registers.get("moscow").element.find(T + "placeName").set("type", "variant")
    problems = check_registers(registers, {Path("a.xml"): document('<p><placeName ref="#moscow">Moscow</placeName></p>')})
    assert [p.kind for p in problems] == ["no-preferred-name"]


def test_check_reports_a_dangling_ref_with_its_file_and_line(tmp_path):
    registers = registers_with(tmp_path, ("place", "moscow", "Moscow", []))
    root = etree.fromstring(etree.tostring(document('<p><placeName ref="#moscow">M</placeName>\n<persName ref="#nobody">N</persName></p>')))
    [problem] = check_registers(registers, {Path("a.xml"): root})
    assert (problem.kind, problem.where) == ("dangling-ref", "a.xml:2")


def test_registers_check_command_fails_on_a_dangling_ref(tmp_path):
    save_registers(registers_with(tmp_path / "registers", ("place", "moscow", "Moscow", [])))
    (tmp_path / "a.xml").write_bytes(etree.tostring(document('<p><persName ref="#nobody">N</persName><placeName ref="#moscow">M</placeName></p>')))
    result = CliRunner().invoke(main, ["registers", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "dangling-ref" in result.stdout


def test_unused_entries_fail_the_check_only_when_strict(tmp_path):
    save_registers(registers_with(tmp_path / "registers", ("place", "moscow", "Moscow", [])))
    (tmp_path / "a.xml").write_bytes(etree.tostring(document("<p>x</p>")))
    assert CliRunner().invoke(main, ["registers", "check", str(tmp_path)]).exit_code == 0
    assert CliRunner().invoke(main, ["registers", "check", str(tmp_path), "--strict"]).exit_code == 1


@pytest.mark.parametrize("name", ["persons.xml", "places.xml", "orgs.xml"])
def test_the_edition_registers_are_valid_tei(name, tei_all):
    from conftest import ROOT

    assert_valid_tei(tei_all, etree.parse(str(ROOT / "tei" / "registers" / name)).getroot())


def test_check_reports_an_id_two_entries_use(tmp_path):
    registers = registers_with(tmp_path, ("place", "moscow", "Moscow", []), ("org", "mk", "Moscow Committee", []))
    registers.get("mk").element.set("{http://www.w3.org/XML/1998/namespace}id", "moscow")
    problems = check_registers(registers, {Path("a.xml"): document('<p><placeName ref="#moscow">M</placeName></p>')})
    assert [(p.kind, p.where) for p in problems] == [("bad-id", "moscow")]


def _without_id(registers, entry_id: str):
    registers.get(entry_id).element.attrib.pop("{http://www.w3.org/XML/1998/namespace}id")


def test_the_name_index_warns_about_an_entry_without_xml_id(tmp_path):
    registers = registers_with(tmp_path, ("person", "kirov", "Kirov", []))
    _without_id(registers, "kirov")
    [warning] = NameIndex(registers).warnings
    assert "persons.xml" in warning and "'Kirov' has no xml:id" in warning


def test_check_reports_an_entry_without_xml_id_by_its_file_and_name(tmp_path):
    registers = registers_with(tmp_path, ("person", "kirov", "Kirov", []))
    _without_id(registers, "kirov")
    problems = check_registers(registers, {Path("a.xml"): document("<p>x</p>")})
    assert [(p.kind, p.where.split(":")[0].endswith("persons.xml"), "'Kirov'" in p.message) for p in problems] == [("bad-id", True, True)]


def test_registers_check_finds_documents_in_subfolders(tmp_path):
    save_registers(registers_with(tmp_path / "registers", ("place", "moscow", "Moscow", [])))
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "a.xml").write_bytes(etree.tostring(document('<p><persName ref="#nobody">N</persName></p>')))
    result = CliRunner().invoke(main, ["registers", "check", str(tmp_path)])
    assert "dangling-ref" in result.stdout and "letters" in result.stdout


def test_registers_check_reports_a_malformed_document_and_checks_the_others(tmp_path):
    save_registers(registers_with(tmp_path / "registers", ("place", "moscow", "Moscow", [])))
    (tmp_path / "a.xml").write_text("<TEI><p></TEI>")
    (tmp_path / "b.xml").write_bytes(etree.tostring(document('<p><placeName ref="#moscow">M</placeName></p>')))
    result = CliRunner().invoke(main, ["registers", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "a.xml" in result.stderr and "1 documents, 0 problem(s)" in result.stdout


def test_an_id_the_review_accepts_is_the_id_the_entry_gets(tmp_path):
    from teikit.registers.model import is_valid_id

    registers = load_registers(tmp_path)
    for wanted in ["foo", "foo-bar", "foo-", "-foo", "foo--bar", "1905", "x-1905", "Foo", "föo", ""]:
        assert is_valid_id(wanted) == (registers.unique_id(wanted) == wanted), wanted

