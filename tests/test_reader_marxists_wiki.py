"""The Marxists-en wiki reader."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, RAW, assert_valid_tei
from support import assert_nothing_lost, read_with, text_of, xp

from teikit.readers import detect_reader

SAMPLE = RAW / "1922-04-24-lenin-to-stalin.marxists-wiki.txt"
WIKI = FIXTURES / "marxists_wiki"
PAGES = [SAMPLE, *sorted(WIKI.glob("*.txt"))]


@pytest.fixture(scope="module")
def letter():
    text, result, roots = read_with("marxists-wiki", SAMPLE)
    return text, result, roots[0]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_wiki_pages_are_detected(page):
    assert detect_reader(page.read_text(encoding="utf-8")).name == "marxists-wiki"


def test_recipient_comes_from_the_page_title(letter):
    _, _, tei = letter
    assert xp(tei, "string(//tei:correspAction[@type='sent']/tei:persName)") == "Lenin"
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:persName)") == "Joseph Stalin"


def test_written_field_gives_the_iso_date(letter):
    _, _, tei = letter
    date = xp(tei, "//tei:creation/tei:date")[0]
    assert (date.text, date.get("when")) == ("24 April 1922", "1922-04-24")


def test_source_volume_and_pages(letter):
    _, _, tei = letter
    assert xp(tei, "string(//tei:biblScope[@unit='volume'])") == "Volume 45"
    scope = xp(tei, "//tei:biblScope[@unit='page']")[0]
    assert (scope.get("from"), scope.get("to")) == ("533b", "534a")
    assert xp(tei, "string(//tei:bibl[@type='first-publication']/tei:date/@when)") == "1959"


def test_quoted_draft_telegram_is_one_quote_of_five_paragraphs(letter):
    _, _, tei = letter
    (quote,) = xp(tei, "//tei:body//tei:quote")
    assert quote.get("type") == "telegram"
    paras = xp(quote, "tei:p")
    assert len(paras) == 5
    assert text_of(paras[0]) == "To Chicherin for all the members of the delegation"
    assert text_of(paras[-1]).endswith("restoring the capitalists’ property.")


def test_footnote_with_two_paragraphs_sits_at_its_marker(letter):
    _, _, tei = letter
    (note,) = xp(tei, "//tei:note[@type='footnote']")
    assert text_of(note.getparent()).startswith("Please, let me know the opinion")
    assert len(xp(note, "tei:p")) == 2


def test_salutation_without_punctuation(letter):
    _, _, tei = letter
    assert xp(tei, "string(//tei:opener/tei:salute)") == "Comrade Stalin for the Politbureau"


def test_wiki_furniture_is_dropped_with_a_reason(letter):
    _, result, tei = letter
    assert {d.text for d in result.dropped if d.reason == "wiki page furniture"} == {
        "From Marxists-en",
        "Jump to navigation Jump to search",
    }
    assert "Jump to" not in text_of(tei)


def test_back_link_footnotes_are_numbered_and_anchored():
    _, _, (tei,) = read_with("marxists-wiki", WIKI / "backlinks-written-place.txt")
    notes = xp(tei, "//tei:body//tei:note[@type='footnote']")
    assert [(n.get("n"), text_of(n)) for n in notes] == [
        ("1", "The conference of the Caucasian organisations."),
        ("2", "Orjonikidze replied on December 2."),
    ]
    assert "↑" not in text_of(tei)


def test_prior_to_date_is_a_not_after_bound_and_written_place_is_kept():
    _, result, (tei,) = read_with("marxists-wiki", WIKI / "backlinks-written-place.txt")
    date = xp(tei, "//tei:creation/tei:date")[0]
    assert date.get("notAfter") == "1916-11-25" and date.get("when") is None
    assert xp(tei, "string(//tei:creation/tei:placeName)") == "Zurich"
    assert result.documents[0].doc_type == "telegram"
    assert [p.text for p in xp(tei, "//tei:correspAction[@type='received']/tei:persName")] == [
        "G. K. Orjonikidze",
        "S. M. Kirov",
    ]


def test_wiki_footer_is_dropped():
    _, result, tei = read_with("marxists-wiki", WIKI / "backlinks-written-place.txt")
    dropped = " ".join(d.text for d in result.dropped)
    assert "Retrieved from" in dropped and "Categories:" in dropped and "Navigation menu" in dropped


def test_article_with_month_only_date():
    _, result, (tei,) = read_with("marxists-wiki", WIKI / "article-month-only.txt")
    assert result.documents[0].doc_type == "article"
    assert xp(tei, "string(//tei:creation/tei:date/@when)") == "1915-08"
    assert not xp(tei, "//tei:correspDesc")
    assert xp(tei, "string(//tei:back//tei:note)") == "An unnumbered note of the editors."


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_word_of_the_page_is_kept(page):
    text, result, roots = read_with("marxists-wiki", page)
    assert_nothing_lost(text, result, roots)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_output_is_valid_tei(page, tei_all):
    for root in read_with("marxists-wiki", page)[2]:
        assert_valid_tei(tei_all, root)


def test_a_remark_after_the_written_date_is_kept_and_is_not_a_place():
    _, _, (tei,) = read_with("marxists-wiki", WIKI / "telegram-dictated-references.txt")
    assert xp(tei, "//tei:creation/tei:placeName") == []
    assert "Dictated by telephone" in xp(tei, "string(//tei:notesStmt)")


def test_an_organisation_addressee_from_the_title():
    _, _, (tei,) = read_with("marxists-wiki", WIKI / "telegram-dictated-references.txt")
    assert xp(tei, "string(//tei:correspAction[@type='received']/tei:orgName)") == "the Yekaterinburg Soviet"


def test_references_heading_opens_the_notes():
    _, result, (tei,) = read_with("marxists-wiki", WIKI / "telegram-dictated-references.txt")
    assert xp(tei, "string(//tei:back//tei:note)") == "A note."
    assert any(d.reason == "notes heading" for d in result.dropped)
