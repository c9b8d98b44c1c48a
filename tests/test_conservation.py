"""The nothing-lost check that every import runs."""

from __future__ import annotations

from lxml import etree

from teikit.conservation import lost_words
from teikit.model import Dropped

TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>The articles<note n="4">A note.</note> were late.</p></TEI>'


def tei(xml: str = TEI) -> etree._Element:
    return etree.fromstring(xml)


def test_a_word_missing_from_the_tei_is_reported():
    assert lost_words("The articles were very late.", [], [tei()]) == ["very"]


def test_dropped_lines_are_not_expected_in_the_tei():
    text = "Home | Index\nThe articles were late."
    assert lost_words(text, [Dropped(1, "Home | Index", "navigation")], [tei()]) == []


def test_a_marker_glued_to_a_word_is_found_in_the_note_number():
    assert lost_words("The articles4 were late.", [], [tei()]) == []


def test_superscript_markers_count_as_their_digits():
    assert lost_words("The articles⁴ were late.", [], [tei()]) == []


def test_a_dropped_part_is_taken_out_where_it_stood_not_inside_an_earlier_word():
    root = tei('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>Someone wrote the articles<note n="1">N.</note></p></TEI>')
    text = "Someone wrote the articles one"
    assert lost_words(text, [Dropped(1, "one", "footnote marker", column=27)], [root]) == []
    assert lost_words(text, [Dropped(1, "one", "footnote marker")], [root]) == ["Some", "one"]


def test_words_teikit_writes_itself_do_not_count_as_kept():
    root = tei(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><encodingDesc><p>Converted by the generic reader</p>'
        "</encodingDesc></teiHeader><p>The articles were late.</p></TEI>"
    )
    assert lost_words("The generic articles were late.", [], [root]) == ["generic"]
