"""The generic reader: any text that fits no known site."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, assert_valid_tei
from support import assert_nothing_lost, read_with, text_of, xp

from teikit.readers import detect_reader
from teikit.readers.generic import read_plain_text

GENERIC = FIXTURES / "generic"
LETTER = GENERIC / "plain-letter.txt"
PAGES = sorted(GENERIC.glob("*.txt"))


def test_text_of_no_known_site_goes_to_the_generic_reader():
    assert detect_reader("Some notes\n\nA paragraph.\n").name == "generic"


def test_first_line_is_the_title_and_blocks_are_paragraphs():
    (doc,) = read_plain_text("My title\n\nFirst paragraph\nwrapped.\n\nSecond one.\n").documents
    assert doc.title == "My title"
    assert [b.content for b in doc.body] == [["First paragraph wrapped."], ["Second one."]]


def test_bracketed_footnote_is_anchored_at_its_marker():
    _, _, (tei,) = read_with("generic", LETTER)
    (note,) = xp(tei, "//tei:body//tei:note")
    assert text_of(note) == "In fact they arrived on 29 April."
    assert text_of(note.getparent()).startswith("We arrived yesterday.")


def test_dateline_and_salute_make_it_a_letter():
    _, result, (tei,) = read_with("generic", LETTER)
    assert result.documents[0].doc_type == "letter"
    assert xp(tei, "string(//tei:opener/tei:dateline/tei:placeName)") == "Moscow"
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1920-05-01"
    assert xp(tei, "string(//tei:closer/tei:signed)") == "Misha"


def test_generic_reader_drops_nothing():
    text, result, roots = read_with("generic", LETTER)
    assert result.dropped == []
    assert_nothing_lost(text, result, roots)


def test_generic_output_is_valid_tei(tei_all):
    assert_valid_tei(tei_all, read_with("generic", LETTER)[2][0])


def test_text_with_only_a_title_is_still_valid_tei(tei_all):
    from teikit.builder import build_tei

    (doc,) = read_plain_text("Only a title\n").documents
    assert_valid_tei(tei_all, build_tei(doc, "d1", "x.txt"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_plain_texts_go_to_the_generic_reader_and_lose_nothing(page):
    text, result, roots = read_with("generic", page)
    assert detect_reader(text).name == "generic"
    assert_nothing_lost(text, result, roots)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_plain_texts_give_valid_tei(page, tei_all):
    for root in read_with("generic", page)[2]:
        assert_valid_tei(tei_all, root)


def test_letter_opening_with_its_dateline_has_no_title_line():
    _, result, (tei,) = read_with("generic", GENERIC / "untitled-letter-no-title.txt")
    assert result.documents[0].title == "Untitled letter, 14 July 1910"
    assert xp(tei, "string(//tei:opener/tei:dateline)") == "Paris, 14 July 1910"
    assert xp(tei, "string(//tei:creation/tei:placeName)") == "Paris"


def test_notes_heading_with_numbered_notes_and_superscript_markers():
    _, result, (tei,) = read_with("generic", GENERIC / "essay-notes-heading.txt")
    notes = xp(tei, "//tei:body//tei:note")
    assert [(n.get("n"), text_of(n)) for n in notes] == [
        ("1", "The committees met in January."),
        ("2", "The reports were printed in the bulletin."),
    ]
    assert [d.text for d in result.dropped] == ["Notes"]


def test_date_under_the_signature_dates_a_telegram():
    _, result, (tei,) = read_with("generic", GENERIC / "telegram-date-in-text.txt")
    assert result.documents[0].doc_type == "telegram"
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1919-12-20"
    assert xp(tei, "string(//tei:closer/tei:signed)") == "Lenin, Trotsky"


def test_text_under_a_bare_dateline_is_dated_but_not_a_letter():
    (doc,) = read_plain_text("12 March 1920\n\nThe meeting was held.\n").documents
    assert (doc.doc_type, doc.title, doc.date.when) == ("document", "Untitled document, 12 March 1920", "1920-03-12")
