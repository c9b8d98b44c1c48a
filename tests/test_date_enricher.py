"""Tests for teikit.enrichers.dates: date expressions in TEI text become normalised <date>s."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, assert_valid_tei
from lxml import etree
from support import xp

from teikit.enrichers.dates import document_is_old_style, tag_dates
from teikit.xmlio import parse_xml

SAMPLES = sorted((ROOT / "tei").glob("*.xml"))
OLD_STYLE_LETTER = FIXTURES / "dates" / "old-style-letter.xml"
CONTAINERS = FIXTURES / "dates" / "containers.xml"
TEI = "http://www.tei-c.org/ns/1.0"


def tei(body: str, *, created: str | None = "31 December 1934", when: str | None = None,
        calendar: str | None = None, letter: bool = False) -> etree._Element:
    """A minimal TEI document: `body` is the content of one <div>, `created` its date as written."""
    creation = ""
    if created is not None:
        attributes = f' when="{when}"' if when else ""
        attributes += f' calendar="{calendar}"' if calendar else ""
        creation = f"<creation><date{attributes}>{created}</date></creation>"
    corresp = (
        "<correspDesc><correspAction type='sent'><persName>A</persName></correspAction></correspDesc>"
        if letter else ""
    )
    return parse_xml(
        f"""<TEI xmlns="{TEI}" xml:id="doc-test"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
        <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
        <profileDesc>{creation}{corresp}</profileDesc></teiHeader>
        <text><body><div>{body}</div></body></text></TEI>""".encode()
    ).getroot()


def dates(root: etree._Element) -> list[tuple[str, dict[str, str]]]:
    """(text, attributes) of every <date> in the text, in document order."""
    return [("".join(d.itertext()), dict(d.attrib)) for d in xp(root, "//tei:text//tei:date")]


def tagged(paragraph: str, **document: object) -> list[tuple[str, dict[str, str]]]:
    root = tei(f"<p>{paragraph}</p>", **document)  # type: ignore[arg-type]
    tag_dates(root)
    return dates(root)


# --------------------------------------------------------------------------- what is tagged


@pytest.mark.parametrize(
    ("text", "expression", "attributes"),
    [
        ("It was signed on March 27, 1926 in Moscow.", "March 27, 1926", {"when": "1926-03-27"}),
        ("It was signed on 24 April 1922.", "24 April 1922", {"when": "1922-04-24"}),
        ("It was signed in March 1922.", "March 1922", {"when": "1922-03"}),
        ("He published it in 1934.", "1934", {"when": "1934"}),
        ("It was written between June 17 and 25, 1916 in Zurich.", "between June 17 and 25, 1916",
         {"notBefore": "1916-06-17", "notAfter": "1916-06-25"}),
        ("Sent prior to November 26, 1916.", "prior to November 26, 1916", {"notAfter": "1916-11-25"}),
        ("He served from 1926 to 1937 as commander.", "from 1926 to 1937", {"from": "1926", "to": "1937"}),
        ("Commander of the air force, 1926–37.", "1926–37", {"from": "1926", "to": "1937"}),
        ("Dated 2/VI. 1918 by Lenin.", "2/VI. 1918", {"when": "1918-06-02"}),
        ("Dated 27.II. 08 in Geneva.", "27.II. 08", {"when": "1908-02-27"}),
        ("The meetings in mid-December were stormy.", "mid-December",
         {"notBefore": "1934-12-11", "notAfter": "1934-12-20"}),
        ("He wrote 20 December 1904 (2 January 1905) on it.", "20 December 1904 (2 January 1905)",
         {"calendar": "#julian #gregorian", "when": "1905-01-02"}),
        ("The rising of 25 October 1917 (O.S.) succeeded.", "25 October 1917 (O.S.)",
         {"calendar": "#julian", "when": "1917-11-07"}),
    ],
)
def test_date_expressions_are_tagged_with_normalised_values(text: str, expression: str, attributes: dict) -> None:
    assert tagged(text) == [(expression, attributes)]


def test_roman_month_without_year_takes_the_year_from_the_document_date() -> None:
    assert tagged("Geneva, 20/XII.", created="31 December 1904") == [("20/XII.", {"when": "1904-12-20"})]


def test_partial_year_with_supplied_century_is_one_date_around_the_supplied_digits() -> None:
    root = tei("<p>the opposition <supplied>19</supplied>23, then</p>")
    tag_dates(root)
    (date,) = xp(root, "//tei:p/tei:date")
    assert date.get("when") == "1923"
    assert etree.tostring(date, encoding=str, with_tail=False).endswith("><supplied>19</supplied>23</date>")


def test_day_and_month_take_the_year_nearest_the_diary_date() -> None:
    assert tagged("the debates on 13 July; on 24 December; the next morning, 1 January.") == [
        ("13 July", {"when": "1934-07-13"}),
        ("24 December", {"when": "1934-12-24"}),
        ("1 January", {"when": "1935-01-01"}),
    ]


def test_day_only_references_take_the_month_the_narrative_is_in() -> None:
    assert tagged("on the evening of 15 December I met them. On the 17th, I invited the Coles.") == [
        ("15 December", {"when": "1934-12-15"}),
        ("the 17th", {"when": "1934-12-17"}),
    ]


def test_day_only_reference_follows_the_narrative_into_the_next_month() -> None:
    assert tagged("the next morning, 1 January. They came on the 2nd.") == [
        ("1 January", {"when": "1935-01-01"}),
        ("the 2nd", {"when": "1935-01-02"}),
    ]


def test_day_only_reference_without_a_dated_document_is_tagged_without_value() -> None:
    root = tei("<p>They came on the 20th.</p>", created=None)
    messages = tag_dates(root)
    assert dates(root) == [("the 20th", {})]
    assert len(messages) == 1 and "'the 20th'" in messages[0] and "month is not known" in messages[0]


@pytest.mark.parametrize("text", ["in the 20th century", "the 14th Congress met", "the 76th year of my life"])
def test_ordinals_that_are_not_days_are_not_tagged(text: str) -> None:
    assert tagged(text) == []


# --------------------------------------------------------------------------- never guessed


def test_approximate_date_is_tagged_without_value_and_reported() -> None:
    root = tei("<p>Undated memo, written around 3 January 1935.</p>")
    messages = tag_dates(root)
    assert dates(root) == [("around 3 January 1935", {})]
    assert messages == ["doc-test: line 4: date 'around 3 January 1935' has no normalised value: approximate (around)"]


def test_impossible_date_is_tagged_without_value_and_reported() -> None:
    root = tei("<p>Dated 31 February 1926 by mistake.</p>")
    messages = tag_dates(root)
    assert dates(root) == [("31 February 1926", {})]
    assert len(messages) == 1 and "'31 February 1926'" in messages[0]


def test_yearless_date_in_an_undated_document_is_tagged_without_value() -> None:
    root = tei("<p>We met on 24 December.</p>", created=None)
    messages = tag_dates(root)
    assert dates(root) == [("24 December", {})]
    assert "year is not written" in messages[0]


def test_page_ranges_and_numbers_are_not_dates() -> None:
    assert tagged("see pp. 276–77 and pages 338-39, Document 165, 69 kilos") == []


# --------------------------------------------------------------------------- relative dates


def test_yesterday_and_tonight_in_a_letter_are_the_days_around_its_date() -> None:
    found = tagged("I got it yesterday; come at 7 tonight.", created="24 April 1922", letter=True)
    assert found == [("yesterday", {"when": "1922-04-23"}), ("tonight", {"when": "1922-04-24"})]


def test_today_in_a_letter_is_its_date() -> None:
    found = tagged("poll them by phone today", created="24 April 1922", letter=True)
    assert found == [("today", {"when": "1922-04-24"})]


def test_today_outside_a_letter_may_mean_nowadays_and_is_left_alone() -> None:
    assert tagged("but today the star has been darkened", created="31 December 1934") == []


def test_relative_words_in_notes_and_quotations_are_left_alone() -> None:
    root = tei(
        "<p>Text.<note>He came yesterday.</note></p><quote><p>See you tomorrow.</p></quote>",
        created="24 April 1922", letter=True,
    )
    tag_dates(root)
    assert dates(root) == []


def test_the_next_day_counts_from_a_date_in_the_same_sentence() -> None:
    assert tagged("It arrived late on 20 December, and the next morning I read it.") == [
        ("20 December", {"when": "1934-12-20"}),
        ("the next morning", {"when": "1934-12-21"}),
    ]


def test_the_next_day_in_a_later_sentence_is_not_resolved() -> None:
    assert tagged("It arrived on 20 December. We talked. They came the next day.") == [
        ("20 December", {"when": "1934-12-20"}),
    ]


def test_relative_phrase_followed_by_its_date_tags_only_the_written_date() -> None:
    assert tagged("on 31 December; they came the next morning, 1 January.") == [
        ("31 December", {"when": "1934-12-31"}),
        ("1 January", {"when": "1935-01-01"}),
    ]


# --------------------------------------------------------------------------- holidays and relative months


@pytest.mark.parametrize(
    ("text", "expression", "attributes"),
    [
        ("The paper had called openly last November for the murder.", "last November", {"when": "1934-11"}),
        ("As it was Christmas Eve, and all were leaving London, I offered two dates.", "Christmas Eve",
         {"when": "1934-12-24"}),
        ("The whole colony gathered in the embassy to celebrate the New Year.", "the New Year",
         {"when": "1935-01-01"}),
        ("They marched on May Day 1917.", "May Day 1917", {"when": "1917-05-01"}),
        ("Eve Curie wrote on New Year’s Eve.", "New Year’s Eve", {"when": "1934-12-31"}),
        ("We meet again next May.", "next May", {"when": "1935-05"}),
    ],
)
def test_holidays_and_relative_months_are_tagged_from_the_narratives_date(
    text: str, expression: str, attributes: dict
) -> None:
    assert tagged(text) == [(expression, attributes)]


@pytest.mark.parametrize(
    "text",
    [
        "I dodged the meeting under the pretext of the New Year.", "The New Year will bring new tasks.",
        "The May Day Manifesto was printed.", "Every May Day they marched.", "At last May came.",
    ],
)
def test_holiday_and_month_words_that_are_not_one_date_are_left_alone(text: str) -> None:
    assert tagged(text) == []


@pytest.mark.parametrize(
    ("text", "expression", "problem"),
    [
        ("We met on Christmas Eve.", "Christmas Eve", "year is not written"),
        ("They wrote last November.", "last November", "document has no date"),
        ("They gathered to celebrate the New Year.", "the New Year", "year is not written"),
    ],
)
def test_holidays_and_relative_months_in_an_undated_document_are_tagged_without_value(
    text: str, expression: str, problem: str
) -> None:
    root = tei(f"<p>{text}</p>", created=None)
    messages = tag_dates(root)
    assert dates(root) == [(expression, {})]
    assert len(messages) == 1 and f"'{expression}'" in messages[0] and problem in messages[0]


@pytest.mark.parametrize(
    ("text", "expression", "attributes"),
    [
        ("On Christmas Day we met.", "Christmas Day", {"calendar": "#julian", "when": "1905-01-07"}),
        ("He wrote last November.", "last November",
         {"calendar": "#julian", "notBefore": "1904-11-14", "notAfter": "1904-12-13"}),
    ],
)
def test_holidays_and_relative_months_in_an_old_style_document_are_old_style(
    text: str, expression: str, attributes: dict
) -> None:
    root = tei(f"<p>{text}</p>", created="20 December 1904", when="1904-12-20")
    tag_dates(root, old_style=True)
    assert dates(root) == [(expression, attributes)]


def test_an_earlier_runs_relative_month_does_not_move_the_narrative() -> None:
    root = tei('<p>It appeared <date when="1934-05">last May</date> and again last November.</p>')
    tag_dates(root)
    assert dates(root) == [("last May", {"when": "1934-05"}), ("last November", {"when": "1934-11"})]


@pytest.mark.parametrize("created", [None, "31 December 1934"])
def test_tagging_holidays_and_relative_months_twice_changes_nothing(created: str | None) -> None:
    root = tei(
        "<p>Last November I went to Paris. On the 28th I met Blum. We gathered to celebrate the New Year;"
        " as it was Christmas Eve, all left.</p>",
        created=created,
    )
    text = "".join(root.itertext())
    first = tag_dates(root)
    once = etree.tostring(root)
    assert "".join(root.itertext()) == text
    second = tag_dates(root)
    assert etree.tostring(root) == once
    assert second == first and len(first) == (4 if created is None else 1)


# --------------------------------------------------------------------------- Old Style


def test_old_style_source_default_converts_written_dates_and_marks_the_calendar() -> None:
    root = tei("<p>Your letter of 14 December came.</p>", created="20 December 1904", when="1904-12-20")
    tag_dates(root, old_style=True)
    assert dates(root) == [("14 December", {"calendar": "#julian", "when": "1904-12-27"})]


def test_old_style_source_default_also_converts_the_documents_own_date() -> None:
    root = tei("<p>x</p>", created="20 December 1904", when="1904-12-20")
    tag_dates(root, old_style=True)
    creation = xp(root, "//tei:creation/tei:date")[0]
    assert dict(creation.attrib) == {"calendar": "#julian", "when": "1905-01-02"}
    assert document_is_old_style(root)


def test_editor_marks_a_document_old_style_on_its_creation_date() -> None:
    root = tei("<p>On the 28th I leave.</p>", created="20 December 1904", when="1904-12-20", calendar="#julian")
    tag_dates(root)
    assert dict(xp(root, "//tei:creation/tei:date")[0].attrib) == {"calendar": "#julian", "when": "1905-01-02"}
    assert dates(root) == [("the 28th", {"calendar": "#julian", "when": "1905-01-10"})]


def test_old_style_false_overrides_the_documents_marker_for_unmarked_dates() -> None:
    root = tei("<p>Your letter of 14 December came.</p>", created="20 December 1904", when="1905-01-02",
               calendar="#julian")
    tag_dates(root, old_style=False)
    assert dates(root) == [("14 December", {"when": "1904-12-14"})]


def test_editor_marks_a_single_date_old_style() -> None:
    root = tei('<p>The strike of <date calendar="#julian">9 January 1905</date> began it.</p>')
    tag_dates(root)
    assert dates(root) == [("9 January 1905", {"calendar": "#julian", "when": "1905-01-22"})]


def test_a_value_the_editor_set_on_an_old_style_date_is_kept() -> None:
    root = tei('<p>On <date calendar="#julian" when="1905-01-21">9 January 1905</date> it began.</p>')
    tag_dates(root)
    assert dates(root) == [("9 January 1905", {"calendar": "#julian", "when": "1905-01-21"})]


def test_dates_after_russia_changed_calendar_are_never_converted() -> None:
    found = tagged("From 2 June 1918 and in 1905 and on 10 January 1918.", created="20 December 1904",
                   when="1904-12-20", calendar="#julian")
    assert found == [
        ("2 June 1918", {"when": "1918-06-02"}),
        ("1905", {"when": "1905"}),
        ("10 January 1918", {"calendar": "#julian", "when": "1918-01-23"}),
    ]


def test_dates_in_the_days_russia_skipped_are_reported_in_an_old_style_document() -> None:
    root = tei("<p>On 5 February 1918 it was decided.</p>", created="20 December 1917", when="1917-12-20")
    messages = tag_dates(root, old_style=True)
    assert dates(root) == [("5 February 1918", {})]
    assert "February 1918" in messages[0]


def test_old_style_month_becomes_a_gregorian_window() -> None:
    found = tagged("In December 1904 he wrote.", created="20 December 1904", when="1904-12-20", calendar="#julian")
    assert found == [("December 1904", {"calendar": "#julian", "notBefore": "1904-12-14", "notAfter": "1905-01-13"})]


def test_notes_of_an_old_style_document_are_read_as_new_style() -> None:
    root = tei("<p>Text.<note>Gusev received it on January 10, 1905.</note></p>",
               created="20 December 1904", when="1904-12-20", calendar="#julian")
    tag_dates(root)
    assert dates(root) == [("January 10, 1905", {"when": "1905-01-10"})]


def test_new_style_mark_overrides_an_old_style_default() -> None:
    found = tagged("He left on 16 January 1905 N.S. for Paris.", created="20 December 1904",
                   when="1904-12-20", calendar="#julian")
    assert found == [("16 January 1905 N.S.", {"calendar": "#gregorian", "when": "1905-01-16"})]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("1/14 February 1918", "1918-02-14"),
        ("October 25 (November 7), 1917", "1917-11-07"),
        ("26 October (8 November), 1917", "1917-11-08"),
        ("October 6 (19), 1917", "1917-10-19"),
    ],
)
def test_dual_dates_use_the_new_style_part_in_any_document(text: str, when: str) -> None:
    assert tagged(f"Written {text} in Petrograd.") == [(text, {"calendar": "#julian #gregorian", "when": when})]


def test_used_calendars_are_declared_once_in_profile_desc() -> None:
    root = tei("<p>On 25 October 1917 (O.S.) and 16 January 1905 N.S.</p>")
    tag_dates(root)
    tag_dates(root)
    ids = xp(root, "//tei:profileDesc/tei:calendarDesc/tei:calendar/@xml:id")
    assert ids == ["julian", "gregorian"]


def test_dual_date_written_by_a_reader_gets_its_calendars() -> None:
    root = tei('<p><date when="1917-11-07">October 25 (November 7), 1917</date></p>')
    tag_dates(root)
    assert dates(root) == [("October 25 (November 7), 1917", {"when": "1917-11-07", "calendar": "#julian #gregorian"})]


def test_old_style_fixture_letter(tei_all: etree.RelaxNG) -> None:
    root = parse_xml(OLD_STYLE_LETTER).getroot()
    assert tag_dates(root, old_style=True) == []
    found = dates(root)
    assert ("20 December 1904", {"calendar": "#julian", "when": "1905-01-02"}) in found
    assert ("3 January 1905 (16 January N.S.)", {"calendar": "#julian #gregorian", "when": "1905-01-16"}) in found
    assert ("yesterday", {"when": "1905-01-01"}) in found
    assert_valid_tei(tei_all, root)


# --------------------------------------------------------------------------- mixed content and safety


def test_a_note_inside_a_paragraph_is_a_boundary_dates_do_not_cross() -> None:
    root = tei("<p>on 13<note>a note</note> July</p>")
    tag_dates(root)
    assert dates(root) == []


def test_a_date_over_a_page_break_keeps_the_page_break_inside() -> None:
    root = tei('<p>on 13 <pb n="5"/>July 1934 they</p>')
    tag_dates(root)
    (date,) = xp(root, "//tei:p/tei:date")
    assert date.get("when") == "1934-07-13" and xp(date, "tei:pb/@n") == ["5"]


def test_a_date_inside_highlighting_is_tagged_inside_it() -> None:
    root = tei('<p>Dated <hi rend="italic">24 April 1922</hi>.</p>')
    tag_dates(root)
    assert xp(root, "//tei:hi/tei:date/@when") == ["1922-04-24"]


def test_dates_are_never_tagged_inside_words() -> None:
    assert tagged("Doc31 December and A1926 and 1926B") == []


def test_text_an_editor_marked_as_no_date_stays_untagged() -> None:
    assert tagged('Room <seg type="untagged">1905</seg> was cold on 2 May 1920.') == [("2 May 1920", {"when": "1920-05-02"})]


def test_existing_dates_are_neither_retagged_nor_nested() -> None:
    root = tei('<p><date when="1934-12-31">31 December 1934</date>, 31 December 1934</p>')
    tag_dates(root)
    assert len(xp(root, "//tei:date//tei:date")) == 0
    assert [d.get("when") for d in xp(root, "//tei:p/tei:date")] == ["1934-12-31", "1934-12-31"]


def test_names_titles_and_the_header_are_not_entered() -> None:
    root = tei("<p><title>Russia in 1919</title> by <persName>Born 1880</persName></p>")
    before = etree.tostring(root.find(f"{{{TEI}}}teiHeader"))
    tag_dates(root)
    assert dates(root) == []
    assert etree.tostring(root.find(f"{{{TEI}}}teiHeader")) == before


def test_tagging_twice_changes_nothing() -> None:
    root = tei("<p>On 15 December and the 17th; around 3 January 1935; 1926–37; today.</p>", letter=True)
    first = tag_dates(root)
    once = etree.tostring(root)
    second = tag_dates(root)
    assert etree.tostring(root) == once
    assert second == first  # dates still without a value are reported again


def test_an_editors_manual_date_survives_tagging() -> None:
    root = tei('<p>On <date when="1934-12-16" cert="low">the 15th</date> and 20 December.</p>')
    tag_dates(root)
    assert dates(root) == [("the 15th", {"when": "1934-12-16", "cert": "low"}), ("20 December", {"when": "1934-12-20"})]


def test_a_dateline_the_builder_left_untagged_gets_its_date() -> None:
    root = tei("<opener><dateline>Gorki, 20/XII.</dateline></opener>", created="1904")
    tag_dates(root)
    assert xp(root, "//tei:dateline/tei:date/@when") == ["1904-12-20"]


def test_dates_go_into_every_phrase_level_container_and_the_result_is_valid(tei_all: etree.RelaxNG) -> None:
    root = parse_xml(CONTAINERS).getroot()
    tag_dates(root)
    assert_valid_tei(tei_all, root)
    holders = {etree.QName(d.getparent()).localname for d in xp(root, "//tei:text//tei:date")}
    assert holders == {
        "byline", "head", "dateline", "salute", "signed", "p", "hi", "supplied", "emph", "unclear", "add",
        "seg", "foreign", "q", "said", "ref", "item", "label", "cell", "l", "ab", "bibl", "trailer",
    }


def test_names_numbers_alternatives_deletions_and_speakers_are_left_alone() -> None:
    root = parse_xml(CONTAINERS).getroot()
    tag_dates(root)
    for name in ("title", "name", "num", "sic", "corr", "del", "speaker", "titlePart"):
        assert xp(root, f"//tei:text//tei:{name}//tei:date") == [], name


def test_a_non_tei_root_is_reported_not_raised() -> None:
    messages = tag_dates(etree.fromstring("<html/>"))
    assert len(messages) == 1 and "not a TEI document" in messages[0]


# --------------------------------------------------------------------------- the sample edition


def sample(name: str) -> etree._Element:
    return parse_xml(ROOT / "tei" / name).getroot()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_tagging_a_sample_loses_no_text_and_is_idempotent(path: Path) -> None:
    root = parse_xml(path).getroot()
    before = "".join(root.itertext())
    tag_dates(root)
    assert "".join(root.itertext()) == before
    once = etree.tostring(root)
    tag_dates(root)
    assert etree.tostring(root) == once


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_tagged_samples_are_valid_tei(tei_all: etree.RelaxNG, path: Path) -> None:
    root = parse_xml(path).getroot()
    tag_dates(root)
    assert_valid_tei(tei_all, root)


SAMPLE_DATES = {
    "1918-06-02-lenin-to-joffe.xml": [("June 2, 1918", {"when": "1918-06-02"})],
    "1922-04-24-lenin-to-stalin.xml": [
        ("today", {"when": "1922-04-24"}),
        ("April 22", {"when": "1922-04-22"}),
        ("April 24, 1922", {"when": "1922-04-24"}),
        ("April 20", {"when": "1922-04-20"}),
        ("April 28", {"when": "1922-04-28"}),
        ("1961", {"when": "1961"}),
        ("tonight", {"when": "1922-04-24"}),
    ],
    "1926-03-27-serebryakov-to-stalin.xml": [("1923", {"when": "1923"}), ("April 2, 1926", {"when": "1926-04-02"})],
    "1934-12-31-maisky-diary.xml": [
        ("13 July", {"when": "1934-07-13"}),
        ("1892–1937", {"from": "1892", "to": "1937"}),
        ("1924–29", {"from": "1924", "to": "1929"}),
        ("the end of July", {"notBefore": "1934-07-21", "notAfter": "1934-07-31"}),
        ("early August", {"notBefore": "1934-08-01", "notAfter": "1934-08-10"}),
        ("late June", {"notBefore": "1934-06-21", "notAfter": "1934-06-30"}),
        ("around 3 January 1935", {}),
        ("mid-December", {"notBefore": "1934-12-11", "notAfter": "1934-12-20"}),
        ("the 17th", {"when": "1934-12-17"}),
        ("28", {"when": "1934-12-28"}),
        ("the 28th", {"when": "1934-12-28"}),
        ("Christmas Eve", {"when": "1934-12-24"}),
        ("the New Year", {"when": "1935-01-01"}),
        ("last November", {"when": "1934-11"}),
        ("the next morning", {"when": "1934-12-21"}),
        ("the 21st", {"when": "1934-12-21"}),
        ("1 January", {"when": "1935-01-01"}),
        ("the 2nd", {"when": "1935-01-02"}),
        ("3 January", {"when": "1935-01-03"}),
    ],
    "1938-03-02-trotsky-krestinskys-repudiation.xml": [
        ("tomorrow", {"when": "1938-03-03"}),
        ("1936", {"when": "1936"}),
        ("April 1937", {"when": "1937-04"}),
    ],
}


@pytest.mark.parametrize("name", sorted(SAMPLE_DATES))
def test_sample_date_expressions_are_normalised(name: str) -> None:
    root = sample(name)
    tag_dates(root)
    found = dates(root)
    missing = [expected for expected in SAMPLE_DATES[name] if expected not in found]
    assert missing == []


def test_sample_new_dates_are_not_put_in_the_header() -> None:
    root = sample("1934-12-31-maisky-diary.xml")
    before = len(xp(root, "//tei:teiHeader//tei:date"))
    tag_dates(root)
    assert len(xp(root, "//tei:teiHeader//tei:date")) == before


def test_nothing_is_written_to_the_sample_files() -> None:
    stamps = {p: p.stat().st_mtime_ns for p in SAMPLES}
    for path in SAMPLES:
        tag_dates(parse_xml(path).getroot())
    assert {p: p.stat().st_mtime_ns for p in SAMPLES} == stamps



def test_a_julian_creation_date_at_the_end_of_year_9999_is_no_crash() -> None:
    root = tei("<p>On the 20th we met.</p>", created="31 December 9999", when="9999-12-31", calendar="#julian")
    tag_dates(root)  # OverflowError before: the Julian equivalent is beyond what a date holds
    assert root.xpath("//t:body//t:date/@when", namespaces={"t": TEI}) == ["9999-12-20"]
