"""The Marxists Internet Archive reader (Lenin Collected Works pages)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, RAW, assert_valid_tei
from support import assert_nothing_lost, read_with, text_of, xp

from teikit.readers import detect_reader

JOFFE = RAW / "1918-06-02-lenin-to-joffe.mia.txt"
MIA = FIXTURES / "mia"
PAGES = [JOFFE, *sorted(MIA.glob("*.txt"))]


@pytest.fixture(scope="module")
def joffe():
    text, result, roots = read_with("mia", JOFFE)
    return text, result, roots[0]


def test_sample_is_detected_as_mia():
    assert detect_reader(JOFFE.read_text(encoding="utf-8")).name == "mia"


def test_author_and_recipient_come_from_the_page(joffe):
    _, _, tei = joffe
    assert xp(tei, "string(//tei:titleStmt/tei:author/tei:persName)") == "V. I. Lenin"
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:persName)") == "A. A. JOFFE"


def test_roman_month_dateline_is_normalised(joffe):
    _, _, tei = joffe
    (date,) = xp(tei, "//tei:correspAction[@type='sent']/tei:date")
    assert (date.get("when"), date.text) == ("1918-06-02", "2/VI. 1918")
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1918-06-02"
    assert xp(tei, "string(//tei:opener/tei:dateline/tei:date/@when)") == "1918-06-02"


def test_place_the_letter_was_sent_to(joffe):
    _, _, tei = joffe
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:placeName)") == "Berlin"


def test_printed_source_volume_and_pages(joffe):
    _, _, tei = joffe
    (bibl,) = xp(tei, "//tei:sourceDesc/tei:bibl[@type='print-source']")
    assert xp(bibl, "string(tei:title)") == "Lenin Collected Works"
    assert xp(bibl, "string(tei:publisher)") == "Progress Publishers"
    assert xp(bibl, "string(tei:biblScope[@unit='volume']/@from)") == "44"
    scope = xp(bibl, "tei:biblScope[@unit='page']")[0]
    assert (scope.get("from"), scope.get("to")) == ("98b", "99a")


def test_translator_transcriber_and_licence(joffe):
    _, _, tei = joffe
    resps = {text_of(r.find("{*}resp")): text_of(r.find("{*}persName")) for r in xp(tei, "//tei:respStmt")}
    assert resps == {"Translated": "Clemens Dutt", "Transcription\\Markup": "R. Cymbala"}
    licence = xp(tei, "string(//tei:availability/tei:licence)")
    assert licence.startswith("Public Domain: Lenin Internet Archive.") and licence.endswith("as your source.")


def test_footnotes_sit_where_their_markers_stood(joffe):
    _, _, tei = joffe
    notes = xp(tei, "//tei:body//tei:note[@type='footnote']")
    assert [n.get("n") for n in notes] == ["1", "2"]
    assert text_of(notes[0].getparent()).startswith("Sokolnikov and Bukharin are to make a trip")
    assert xp(notes[1], "ancestor::tei:postscript") != []
    assert not xp(tei, "//tei:back")


def test_opener_closer_and_postscripts(joffe):
    _, _, tei = joffe
    assert xp(tei, "string(//tei:opener/tei:salute)") == "Comrade Joffe,"
    assert xp(tei, "string(//tei:closer/tei:salute)") == "Best regards,"
    labels = [text_of(p)[:6] for p in xp(tei, "//tei:postscript/tei:p")]
    assert labels == ["N.B.: ", "P.P.S."]


def test_navigation_and_glued_site_link_are_dropped(joffe):
    _, result, tei = joffe
    reasons = {d.text: d.reason for d in result.dropped}
    assert reasons["README"] == "site link glued to the header line"
    assert any("backward" in t for t in reasons)
    assert "backward" not in text_of(tei) and "L.I.A. Index" not in text_of(tei)


def test_wrapped_header_fields_are_joined():
    _, _, (tei,) = read_with("mia", MIA / "wrapped-header-written-place.txt")
    assert xp(tei, "string(//tei:biblScope[@unit='page'])") == "pages 326b-327a"
    assert "Printed from the original." in xp(tei, "string(//tei:bibl[@type='first-publication'])")


def test_written_line_gives_date_and_place():
    _, _, (tei,) = read_with("mia", MIA / "wrapped-header-written-place.txt")
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1919-12-20"
    assert xp(tei, "string(//tei:creation/tei:placeName)") == "Moscow"
    assert xp(tei, "string(//tei:correspAction[@type='sent']/tei:placeName)") == "Moscow"


def test_dateline_without_year_takes_the_year_of_the_written_line():
    _, _, (tei,) = read_with("mia", MIA / "wrapped-header-written-place.txt")
    (date,) = xp(tei, "//tei:opener/tei:dateline/tei:date")
    assert (date.text, date.get("when")) == ("20/XII.", "1919-12-20")


def test_footnotes_out_of_order_are_still_anchored_at_their_markers():
    _, _, (tei,) = read_with("mia", MIA / "wrapped-header-written-place.txt")
    body_notes = xp(tei, "//tei:body//tei:note[@type='footnote']")
    assert [n.get("n") for n in body_notes] == ["2", "1"]
    assert text_of(body_notes[0]) == "The second note."


def test_footnote_without_marker_is_kept_at_the_end():
    _, _, (tei,) = read_with("mia", MIA / "wrapped-header-written-place.txt")
    (note,) = xp(tei, "//tei:back/tei:div[@type='notes']/tei:note")
    assert (note.get("n"), text_of(note)) == ("3", "A note whose marker the page lost.")


def test_supplied_words_in_brackets():
    _, _, (tei,) = read_with("mia", MIA / "wrapped-header-written-place.txt")
    assert [s.text for s in xp(tei, "//tei:body//tei:supplied")] == ["the"]


def test_closing_salutation_and_signature_on_two_lines():
    _, _, (tei,) = read_with("mia", MIA / "wrapped-header-written-place.txt")
    assert xp(tei, "string(//tei:closer/tei:salute)") == "Greetings,"
    assert xp(tei, "string(//tei:closer/tei:signed)") == "Lenin"


def test_dictated_line_gives_a_date_window_and_is_kept():
    _, _, (tei,) = read_with("mia", MIA / "dictated-window-date.txt")
    date = xp(tei, "//tei:creation/tei:date")[0]
    assert (date.get("notBefore"), date.get("notAfter")) == ("1916-06-17", "1916-06-25")
    assert "when" not in date.attrib
    assert xp(tei, "string(//tei:notesStmt/tei:note)").startswith("Dictated:")


def test_telegram_with_several_addressees():
    _, result, (tei,) = read_with("mia", MIA / "dictated-window-date.txt")
    assert result.documents[0].doc_type == "telegram"
    names = [p.text for p in xp(tei, "//tei:correspAction[@type='received']/tei:persName")]
    assert names == ["J. V. STALIN", "L. B. KAMENEV"]
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:placeName)") == "Petrograd"


def test_broken_html_entity_is_kept_as_written():
    _, _, (tei,) = read_with("mia", MIA / "dictated-window-date.txt")
    assert "The resolution &Swhatthe; must be adopted" in text_of(tei)


def test_two_digit_year_dateline():
    _, _, (tei,) = read_with("mia", MIA / "two-digit-year-dateline.txt")
    (date,) = xp(tei, "//tei:opener/tei:dateline/tei:date")
    assert (date.text, date.get("when")) == ("27.II. 08", "1908-02-27")
    assert xp(tei, "string(//tei:closer/tei:signed)") == "Lenin"


def test_no_date_is_invented_when_the_page_gives_none():
    text = "V. I. Lenin\n\nTO A. M. GORKY\n\nSource: Lenin Collected Works, Progress Publishers, 1974, Moscow, Volume 34, page 5.\nTranslated: Clemens Dutt\nPublic Domain: Lenin Internet Archive.\n\nDear A. M.,\n\nText.\n"
    from teikit.readers.mia import read_mia_page

    (doc,) = read_mia_page(text).documents
    assert doc.date is None


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_word_of_the_page_is_kept(page):
    text, result, roots = read_with("mia", page)
    assert_nothing_lost(text, result, roots)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_output_is_valid_tei(page, tei_all):
    _, _, roots = read_with("mia", page)
    for root in roots:
        assert_valid_tei(tei_all, root)


def test_field_like_line_below_the_text_does_not_swallow_the_letter():
    _, result, (tei,) = read_with("mia", MIA / "letter-dictated-remark.txt")
    assert "Please send me the figures." in text_of(xp(tei, "//tei:body")[0])
    assert text_of(xp(tei, "//tei:body//tei:p")[-1]) == "Dictated by telephone"


def test_other_formats_links_are_dropped_not_glued_to_the_licence():
    _, result, (tei,) = read_with("mia", MIA / "article-other-formats.txt")
    assert xp(tei, "string(//tei:licence)").endswith("as your source.")
    assert [d.reason for d in result.dropped if "Other Formats" in d.text] == ["links to other formats of the page"]


def test_article_page_is_an_article_with_its_notes_after_a_heading():
    _, result, (tei,) = read_with("mia", MIA / "article-other-formats.txt")
    assert result.documents[0].doc_type == "article"
    assert xp(tei, "string(//tei:body//tei:p/tei:note)") == "See the report in Pravda No. 24."
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1917-04-04"
