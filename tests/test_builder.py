"""The TEI builder: what each part of the document model becomes in TEI."""

from __future__ import annotations

from conftest import assert_valid_tei
from support import text_of, xp

from teikit.builder import build_tei
from teikit.dates import parse_date
from teikit.model import Document, Note, NoteRef, Para, Person, Supplied


def letter(**changes) -> Document:
    doc = Document(
        family="test",
        doc_type="letter",
        title="A to B",
        authors=[Person("Liakhovetsky, Ivan Mikhailovich (Maisky)", note="Maisky")],
        recipients=[Person("the Politburo")],
        date=parse_date("2/VI. 1918"),
        body=[Para(["Text", NoteRef("1", "[1]"), " and ", Supplied("more"), "."])],
        notes=[Note("1", [Para(["First."])], 1), Note("2", [Para(["Unmarked."])], 2)],
    )
    for key, value in changes.items():
        setattr(doc, key, value)
    return doc


def test_an_organisation_addressee_is_an_orgname():
    tei = build_tei(letter(), "d1", "x.txt")
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:orgName)") == "the Politburo"


def test_a_bracketed_pseudonym_is_the_names_addname():
    tei = build_tei(letter(), "d1", "x.txt")
    (name,) = xp(tei, "//tei:titleStmt/tei:author/tei:persName")
    assert text_of(name) == "Liakhovetsky, Ivan Mikhailovich (Maisky)"
    assert xp(name, "string(tei:addName)") == "Maisky"


def test_a_note_goes_where_its_marker_stood_and_an_unmarked_one_to_the_back():
    tei = build_tei(letter(), "d1", "x.txt")
    assert xp(tei, "string(//tei:body//tei:p/tei:note/@xml:id)") == "d1-n1"
    assert xp(tei, "string(//tei:back/tei:div[@type='notes']/tei:note/@n)") == "2"


def test_supplied_text():
    tei = build_tei(letter(), "d1", "x.txt")
    assert xp(tei, "string(//tei:supplied)") == "more"


def test_dates_carry_the_written_form_and_the_iso_value():
    tei = build_tei(letter(), "d1", "x.txt")
    (date,) = xp(tei, "//tei:correspAction[@type='sent']/tei:date")
    assert (date.text, date.get("when")) == ("2/VI. 1918", "1918-06-02")


def test_a_document_without_a_date_has_no_date_anywhere():
    tei = build_tei(letter(date=None), "d1", "x.txt")
    assert xp(tei, "//tei:date[@when or @notBefore or @notAfter]") == []


def test_built_letter_is_valid_tei(tei_all):
    assert_valid_tei(tei_all, build_tei(letter(), "d1", "x.txt"))


def test_a_note_number_printed_twice_keeps_both_notes_with_unique_ids(tei_all):
    doc = letter(notes=[Note("1", [Para(["First."])], 1), Note("1", [Para(["Again one."])], 1)])
    tei = build_tei(doc, "d1", "x.txt")
    ids = xp(tei, "//tei:note/@xml:id")
    assert sorted(ids) == ["d1-n1", "d1-n1-2"]
    assert xp(tei, "string(//tei:body//tei:note)") == "First."
    assert xp(tei, "string(//tei:back//tei:note)") == "Again one."
    assert_valid_tei(tei_all, tei)
