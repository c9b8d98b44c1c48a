"""The Marxists Internet Archive reader (Lenin Collected Works pages)."""

from __future__ import annotations

import functools

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


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_page_is_detected_as_mia(page):
    assert detect_reader(page.read_text(encoding="utf-8")).name == "mia"


@functools.cache
def read(name: str):
    """(text, result, roots) of a fixture page, read once per test session."""
    return read_with("mia", MIA / name)


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
    _, _result, (tei,) = read_with("mia", MIA / "letter-dictated-remark.txt")
    assert text_of(xp(tei, "//tei:body//tei:p")[0]) == "Please send me the figures."


def test_signature_with_office_and_a_remark_after_it_close_the_letter():
    _, _result, (tei,) = read_with("mia", MIA / "letter-dictated-remark.txt")
    (closer,) = xp(tei, "//tei:closer")
    assert xp(closer, "string(tei:signed)") == "Chairman of the Council of People’s Commissars V. Ulyanov (Lenin)"
    assert xp(closer, "string(tei:note[@type='editorial'])") == "Dictated by telephone"


def test_other_formats_links_are_dropped_not_glued_to_the_licence():
    _, result, (tei,) = read_with("mia", MIA / "article-other-formats.txt")
    assert xp(tei, "string(//tei:licence)").endswith("as your source.")
    assert [d.reason for d in result.dropped if "Other Formats" in d.text] == ["links to other formats of the page"]


def test_article_page_is_an_article_with_its_notes_after_a_heading():
    _, result, (tei,) = read_with("mia", MIA / "article-other-formats.txt")
    assert result.documents[0].doc_type == "article"
    assert xp(tei, "string(//tei:body//tei:p/tei:note)") == "See the report in Pravda No. 24."
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1917-04-04"


# -- other pages of the site -------------------------------------------------------------


def test_site_navigation_above_the_author_is_dropped_not_taken_as_title():
    _, result, (tei,) = read("nav-bar-telegram-two-signatories.txt")
    assert xp(tei, "string(//tei:titleStmt/tei:title)") == "Telegram To The Revolutionary Military Council Of The Southern Front"
    assert [d.line for d in result.dropped if d.text.startswith("Lenin Works Archive")] == [1, 27]


def test_readme_link_after_a_bullet_is_dropped_from_the_licence():
    _, result, (tei,) = read("nav-bar-telegram-two-signatories.txt")
    assert xp(tei, "string(//tei:licence)").endswith("as your source.")
    assert any(d.text == "• README" for d in result.dropped)


def test_labelled_first_published_field_loses_only_its_label():
    _, _, (tei,) = read("nav-bar-telegram-two-signatories.txt")
    (bibl,) = xp(tei, "//tei:bibl[@type='first-publication']")
    assert text_of(bibl).startswith("First published in 1942")
    assert (xp(bibl, "string(tei:date/@when)"), xp(bibl, "string(tei:title)")) == ("1942", "Lenin Miscellany XXXIV")


def test_online_version_is_a_web_source_not_a_responsible_person():
    _, _, (tei,) = read("nav-bar-telegram-two-signatories.txt")
    (web,) = xp(tei, "//tei:bibl[@type='web-source']")
    assert (xp(web, "string(tei:publisher)"), xp(web, "string(tei:date/@when)")) == ("Lenin Internet Archive", "2004")
    assert "Online" not in " ".join(text_of(r) for r in xp(tei, "//tei:respStmt"))


def test_source_with_publisher_before_place_and_no_final_stop():
    _, _, (tei,) = read("nav-bar-telegram-two-signatories.txt")
    (bibl,) = xp(tei, "//tei:bibl[@type='print-source']")
    assert xp(bibl, "string(tei:pubPlace)") == "Moscow" and xp(bibl, "string(tei:date)") == "1970"
    page = xp(bibl, "tei:biblScope[@unit='page']")[0]
    assert (page.get("from"), page.get("to")) == ("290", "291")


def test_telegram_to_a_body_signed_by_two():
    _, result, (tei,) = read("nav-bar-telegram-two-signatories.txt")
    assert result.documents[0].doc_type == "telegram"
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:orgName)").startswith("The Revolutionary Military Council")
    assert xp(tei, "string(//tei:closer/tei:signed)") == "Lenin, Trotsky"
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1919-10-01"


def test_two_letters_under_their_own_headings_become_two_documents():
    _, result, roots = read("two-letters-one-page.txt")
    assert [d.title for d in result.documents] == ["TO G. V. CHICHERIN", "TO L. B. KRASIN"]
    received = [xp(t, "string(//tei:correspAction[@type='received']/tei:persName)") for t in roots]
    assert received == ["G. V. CHICHERIN", "L. B. KRASIN"]
    assert [xp(t, "string(//tei:creation/tei:date/@when)") for t in roots] == ["1921-03-03", "1921-03-04"]


def test_each_of_two_letters_keeps_its_own_footnote_and_the_shared_header():
    _, _, roots = read("two-letters-one-page.txt")
    assert [[n.get("n") for n in xp(t, "//tei:body//tei:note")] for t in roots] == [["1"], ["2"]]
    assert [xp(t, "string(//tei:biblScope[@unit='volume'])") for t in roots] == ["Volume 45", "Volume 45"]
    assert [xp(t, "string(//tei:closer/tei:signed)") for t in roots] == ["Lenin", "Lenin"]


def test_page_date_narrowed_by_the_datelines_stays_in_the_header():
    _, _, roots = read("two-letters-one-page.txt")
    for tei in roots:
        assert xp(tei, "string(//tei:notesStmt/tei:note/tei:date/@when)") == "1921-03"


def test_first_of_several_letters_may_have_its_heading_in_the_text():
    _, result, roots = read("letters-under-headings-in-body.txt")
    assert [d.doc_type for d in result.documents] == ["telegram", "letter"]
    assert [xp(t, "string(//tei:creation/tei:date/@when)") for t in roots] == ["1918-08-09", "1918-08-10"]
    assert xp(roots[0], "string(//tei:correspAction[@type='received']/tei:orgName)") == "THE PENZA GUBERNIA EXECUTIVE COMMITTEE"


def test_numbered_sections_and_a_capitalised_appeal_do_not_split_an_article():
    _, result, _ = read("article-numbered-sections-not-split.txt")
    (doc,) = result.documents
    assert doc.doc_type == "article" and doc.recipients == []


def test_pseudonym_with_the_real_name_in_brackets():
    _, _, (tei,) = read("pseudonym-glossed-letter-to-editors.txt")
    (author,) = xp(tei, "//tei:titleStmt/tei:author/tei:persName")
    assert text_of(author) == "N. Lenin (V. I. Ulyanov)"
    assert xp(author, "string(tei:addName)") == "V. I. Ulyanov"
    assert xp(tei, "string(//tei:titleStmt/tei:title)") == "LETTER TO THE EDITORS OF NOVAYA ZHIZN"


def test_notes_after_a_heading_anchor_out_of_order_and_unreferenced_one_goes_to_the_back():
    _, _, (tei,) = read("pseudonym-glossed-letter-to-editors.txt")
    assert [n.get("n") for n in xp(tei, "//tei:body//tei:note")] == ["2", "1"]
    assert [n.get("n") for n in xp(tei, "//tei:back//tei:note")] == ["3"]


def test_broken_entities_stay_as_written():
    _, _, (tei,) = read("pseudonym-glossed-letter-to-editors.txt")
    assert "rumours about me &mdash do so" in text_of(tei)
    assert "Archive&rdquo as your source" in xp(tei, "string(//tei:licence)")


def test_newspaper_publication_marks_its_title_and_date():
    _, _, (tei,) = read("pseudonym-glossed-letter-to-editors.txt")
    (bibl,) = xp(tei, "//tei:bibl[@type='first-publication']")
    assert (xp(bibl, "string(tei:title)"), xp(bibl, "string(tei:date/@when)")) == ("Rabochy Put", "1917")


def test_footnotes_printed_out_of_order_with_an_editors_remark_after_them():
    _, _, (tei,) = read("article-month-only-footnotes-out-of-order.txt")
    assert [n.get("n") for n in xp(tei, "//tei:body//tei:note")] == ["3", "1", "2"]
    assert text_of(xp(tei, "//tei:note[@n='2']")[0]).endswith("An unnumbered remark of the editors on the translation.")
    assert not xp(tei, "//tei:body//tei:p[starts-with(., '[')]")


def test_month_only_written_date_and_dated_newspaper_publication():
    _, _, (tei,) = read("article-month-only-footnotes-out-of-order.txt")
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1906-08"
    (bibl,) = xp(tei, "//tei:bibl[@type='first-publication']")
    assert (xp(bibl, "string(tei:title)"), xp(bibl, "string(tei:date/@when)")) == ("Proletary", "1906-08-29")


def test_dictated_to_someone_is_a_note_and_the_place_comes_from_sent_from():
    _, _, (tei,) = read("between-dates-dictated-to-line-several.txt")
    assert xp(tei, "string(//tei:correspAction[@type='sent']/tei:placeName)") == "Berne"
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:placeName)") == "Stockholm"
    assert "Dictated: to N. K. Krupskaya" in [text_of(n) for n in xp(tei, "//tei:notesStmt/tei:note")]


def test_to_line_with_two_addressees_and_a_window_date():
    _, _, (tei,) = read("between-dates-dictated-to-line-several.txt")
    assert [p.text for p in xp(tei, "//tei:correspAction[@type='received']/tei:persName")] == ["G. Y. ZINOVIEV", "L. B. KAMENEV"]
    date = xp(tei, "//tei:creation/tei:date")[0]
    assert (date.get("notBefore"), date.get("notAfter")) == ("1916-06-17", "1916-06-25")


def test_signature_below_the_postscripts_closes_the_letter():
    _, _, (tei,) = read("note-moscow-dateline-chairman-signature.txt")
    labels = [text_of(p).split()[0] for p in xp(tei, "//tei:postscript/tei:p")]
    assert labels == ["N.B.", "P.S.", "P.P.S."]
    assert xp(tei, "string(//tei:closer/tei:signed)") == "V. Ulyanov (Lenin) Chairman of the Council of People’s Commissars"


def test_note_with_place_and_date_in_the_written_field_and_the_dateline():
    _, result, (tei,) = read("note-moscow-dateline-chairman-signature.txt")
    assert result.documents[0].doc_type == "note"
    assert xp(tei, "string(//tei:opener/tei:dateline/tei:placeName)") == "Moscow"
    assert xp(tei, "string(//tei:correspAction[@type='sent']/tei:placeName)") == "Moscow"
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1922-04-24"


def test_old_and_new_style_date_is_dated_by_the_new_style():
    _, _, (tei,) = read("old-and-new-style-date.txt")
    (date,) = xp(tei, "//tei:creation/tei:date")
    assert (date.text, date.get("when")) == ("26 October (8 November), 1917", "1917-11-08")


def test_navigation_like_lines_inside_the_text_are_kept():
    from teikit.readers.mia import read_mia_page

    page = JOFFE.read_text(encoding="utf-8").replace(
        "Thank you for the “supplement”", "Home\n\nWages | prices | rents\n\nThank you for the “supplement”"
    )
    result = read_mia_page(page)
    dropped = {d.text for d in result.dropped}
    assert "Home" not in dropped and "Wages | prices | rents" not in dropped
    assert any("backward" in t for t in dropped)


@pytest.mark.parametrize(
    "text,when",
    [("26 October (8 November), 1917", "1917-11-08"), ("19 December (1 January), 1917", "1918-01-01"),
     ("October 25 (7), 1917", "1917-11-07"), ("26 October (9 November), 1917", None)],
)
def test_a_date_in_both_calendars_is_dated_by_the_new_style_when_they_agree(text, when):
    from teikit.readers.collected_works import find_dual_date

    found = find_dual_date(text)
    assert (found[2].when if found else None) == when
