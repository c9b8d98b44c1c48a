"""The generic reader: any text that fits no known site."""

from __future__ import annotations

from conftest import FIXTURES, assert_valid_tei
from support import assert_nothing_lost, read_with, text_of, xp

from teikit.readers import detect_reader
from teikit.readers.generic import read_plain_text

LETTER = FIXTURES / "generic" / "plain-letter.txt"


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
