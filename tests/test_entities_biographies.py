"""Yale biographical notes become register entries, with only what the note says."""

from __future__ import annotations

from conftest import ROOT
from lxml import etree

from teikit.enrichers.biographies import add_biographies, parse_biography, year_span
from teikit.enrichers.entities import tag_names
from teikit.registers import NameIndex, load_registers, save_registers
from teikit.registers.model import T
from teikit.xmlio import parse_xml

MAISKY = ROOT / "tei" / "1934-12-31-maisky-diary.xml"  # as committed: imported, perhaps tagged since


def maisky_registers(tmp_path):
    registers = load_registers(tmp_path)
    add_biographies(parse_xml(MAISKY).getroot(), registers)
    return registers


def test_a_note_after_a_name_already_tagged_takes_the_tagged_form(tmp_path):
    root = parse_xml(MAISKY).getroot()
    registers = load_registers(tmp_path)
    tag_names(root, NameIndex(maisky_registers(tmp_path / "first")))
    add_biographies(root, registers)
    assert registers.get("austen-chamberlain").names == [("Joseph Austen Chamberlain", "preferred"), ("Austen Chamberlain", "variant")]


def occupations(entry) -> list[tuple[str, dict]]:
    return [(el.text, dict(el.attrib)) for el in entry.element.findall(T + "occupation")]


def test_a_dated_office_becomes_an_occupation_with_its_span():
    [bio] = parse_biography("William Kean, president of the General Council of the TUC, 1934–35.")
    assert bio.occupations == [("president of the General Council of the TUC", {"from": "1934", "to": "1935"})]


def test_a_span_of_months_keeps_its_months():
    assert year_span("January–October 1924") == {"from": "1924-01", "to": "1924-10"}


def test_dates_that_are_not_one_span_are_not_guessed():
    [bio] = parse_biography("William Adamson, Labour MP, 1910–31; secretary of state for Scotland, January–November 1924 and 1929–31.")
    assert bio.occupations == [("Labour MP", {"from": "1910", "to": "1931"}), ("secretary of state for Scotland", {})]


def test_a_death_year_is_taken_only_from_what_the_note_says():
    [bio] = parse_biography("Georgii Aleksandrovich Astakhov, counsellor, 1934–35. Sent to a labour camp, where he died in 1942.")
    assert (bio.death, bio.birth) == ("1942", None)


def test_a_nickname_in_brackets_is_a_variant():
    [bio] = parse_biography("Feoktista (Feka) Poludova, Agniya’s sister.")
    assert (bio.name, bio.nicknames, bio.occupations) == ("Feoktista Poludova", ["Feka"], [])


def test_a_note_on_two_people_gives_two_people():
    people = parse_biography("Lev Polonsky and Elizaveta Polonskaya. Of Jewish–Russian background, Elizaveta studied medicine.")
    assert [p.name for p in people] == ["Lev Polonsky", "Elizaveta Polonskaya"]


def test_a_note_without_a_name_gives_nobody():
    assert parse_biography("see the Introduction.") == []


def test_every_biographical_note_of_the_diary_becomes_an_entry(tmp_path):
    registers = maisky_registers(tmp_path)
    assert [e.id for e in registers.entries("person")] == [
        "austen-chamberlain", "poludova", "alksnis", "tupolev", "molokov", "levanevsky", "polonsky", "polonskaya",
        "astakhov", "kean", "hicks", "pugh", "bolton", "clynes", "adamson", "lathan", "middleton",
    ]


def test_the_name_the_text_uses_before_the_note_becomes_a_variant(tmp_path):
    entry = maisky_registers(tmp_path).get("austen-chamberlain")
    assert entry.names == [("Joseph Austen Chamberlain", "preferred"), ("Austen Chamberlain", "variant")]


def test_an_entry_keeps_the_note_verbatim_with_its_document(tmp_path):
    note = maisky_registers(tmp_path).get("middleton").element.find(T + "note")
    assert note.text == "James Smith Middleton, secretary of the Labour Party, 1934–44."
    assert note.get("source") == "../1934-12-31-maisky-diary.xml"


def test_the_entry_of_a_note_naming_a_namesake_gets_a_distinguishing_id(tmp_path):
    # "elder half-brother of Neville Chamberlain": "chamberlain" alone would be ambiguous.
    assert maisky_registers(tmp_path).get("chamberlain") is None


def test_reading_the_notes_again_changes_nothing(tmp_path):
    registers = maisky_registers(tmp_path)
    before = etree.tostring(registers.trees["person"])
    add_biographies(parse_xml(MAISKY).getroot(), registers)
    assert etree.tostring(registers.trees["person"]) == before


def test_an_editors_change_to_an_entry_from_a_note_is_kept(tmp_path):
    registers = maisky_registers(tmp_path)
    registers.get("kean").element.remove(registers.get("kean").element.find(T + "occupation"))
    add_biographies(parse_xml(MAISKY).getroot(), registers)
    assert occupations(registers.get("kean")) == []


ALKSNIS = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-1934-12-31-diary"><teiHeader><fileDesc><titleStmt><title>t</title>'
    "</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
    '<text><body><p>Alksnis<note type="biographical">Yakov Ivanovich Alksnis, commander of the Red Army air force, '
    "1926–37.</note> came to London.</p></body></text></TEI>"
)


def test_an_entry_an_editor_renamed_is_not_made_again_from_its_note(tmp_path):
    registers = load_registers(tmp_path)
    add_biographies(etree.fromstring(ALKSNIS), registers)
    [entry] = registers.entries("person")
    entry.element.find(T + "persName").text = "Yakov Alksnis"  # the editor's correction
    add_biographies(etree.fromstring(ALKSNIS), registers)
    assert [e.preferred for e in registers.entries("person")] == ["Yakov Alksnis"]


def test_an_entry_renamed_in_its_note_too_is_not_made_again(tmp_path):
    registers = load_registers(tmp_path)
    add_biographies(etree.fromstring(ALKSNIS), registers)
    path = tmp_path / "persons.xml"
    save_registers(registers)
    path.write_text(path.read_text(encoding="utf-8").replace("Yakov Ivanovich Alksnis", "Yakov Alksnis"), encoding="utf-8")
    registers = load_registers(tmp_path)
    add_biographies(etree.fromstring(ALKSNIS), registers)
    assert [e.preferred for e in registers.entries("person")] == ["Yakov Alksnis"]


def test_two_people_with_the_same_note_after_their_names_are_two_entries(tmp_path):
    registers = load_registers(tmp_path)
    for name in ("Vasilii Sergeevich Molokov", "Sigizmund Aleksandrovich Levanevsky"):
        add_biographies(etree.fromstring(ALKSNIS.replace("Alksnis<note", f"{name.split()[-1]}<note")
                                         .replace("Yakov Ivanovich Alksnis", name)), registers)
    assert len(registers.entries("person")) == 2
