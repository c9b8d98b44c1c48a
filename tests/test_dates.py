"""Tests for teikit.dates: date expressions in headers and datelines -> ISO 8601 / TEI attributes."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from teikit.dates import (
    PIVOT,
    Anchor,
    DateFinder,
    DateValue,
    find_date,
    find_dates,
    find_relative_dates,
    gregorian_to_julian,
    julian_to_gregorian,
    old_style_to_gregorian,
    parse_date,
    two_digit_year,
)


def attrs(text: str, **context: int) -> dict[str, str] | None:
    """TEI attributes for `text`, or None when it is not a date."""
    value = parse_date(text, **context)
    return None if value is None else value.tei_attributes()


# --------------------------------------------------------------------------- DateValue


def test_tei_attributes_contain_only_set_values_under_tei_names() -> None:
    value = DateValue("x", not_before="1916-06-17", from_="1916", to="1917")
    assert value.tei_attributes() == {"notBefore": "1916-06-17", "from": "1916", "to": "1917"}


def test_tei_attributes_of_a_plain_date_is_when_only() -> None:
    assert DateValue("1922", when="1922").tei_attributes() == {"when": "1922"}


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (DateValue("x", when="1922", not_before="1900"), "1922"),
        (DateValue("x", from_="1926", to="1937", not_before="1900"), "1926"),
        (DateValue("x", not_before="1916-06-17", not_after="1916-06-25"), "1916-06-17"),
        (DateValue("x", not_after="1916-11-25"), "1916-11-25"),
        (DateValue("x"), None),
    ],
)
def test_sort_key_is_earliest_known_value(value: DateValue, key: str | None) -> None:
    assert value.sort_key == key


def test_year_comes_from_sort_key() -> None:
    assert DateValue("x", not_after="1916-11-25").year == 1916
    assert DateValue("x").year is None


def test_date_value_is_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DateValue("1922", when="1922").when = "1923"  # type: ignore[misc]


# --------------------------------------------------------------------------- two-digit years


def test_pivot_is_sixty() -> None:
    assert PIVOT == 60


@pytest.mark.parametrize(("yy", "year"), [(8, 1908), (0, 1900), (59, 1959), (60, 1860), (99, 1899)])
def test_two_digit_year_falls_within_1860_to_1959(yy: int, year: int) -> None:
    assert two_digit_year(yy) == year


@pytest.mark.parametrize("yy", [-1, 100, 1908])
def test_two_digit_year_rejects_other_numbers(yy: int) -> None:
    with pytest.raises(ValueError):
        two_digit_year(yy)


# --------------------------------------------------------------------------- single dates


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("March 27, 1926", "1926-03-27"),
        ("March 27 1926", "1926-03-27"),
        ("Mar. 27, 1926", "1926-03-27"),
        ("Mar 27, 1926", "1926-03-27"),
        ("Sept. 3, 1919", "1919-09-03"),
        ("Sep 3, 1919", "1919-09-03"),
        ("april 2, 1926", "1926-04-02"),
        ("MARCH 27, 1926", "1926-03-27"),
        ("March 27th, 1926", "1926-03-27"),
    ],
)
def test_english_month_day_year(text: str, when: str) -> None:
    assert attrs(text) == {"when": when}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("27 March 1926", "1926-03-27"),
        ("24 April 1922", "1922-04-24"),
        ("2 June 1918", "1918-06-02"),
        ("2nd of June, 1918", "1918-06-02"),
    ],
)
def test_day_month_year(text: str, when: str) -> None:
    assert attrs(text) == {"when": when}


def test_yale_archive_year_month_day() -> None:
    assert attrs("1934 Dec 31") == {"when": "1934-12-31"}


def test_iso_date_is_accepted_as_is() -> None:
    assert attrs("1934-12-31") == {"when": "1934-12-31"}


def test_compact_archive_date_parses_on_its_own() -> None:
    assert attrs("19380302") == {"when": "1938-03-02"}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("2/VI. 1918", "1918-06-02"),
        ("2/VI 1918", "1918-06-02"),
        ("2.VI.1918", "1918-06-02"),
        ("27.II. 08", "1908-02-27"),
        ("3/XII. 1898", "1898-12-03"),
    ],
)
def test_roman_numeral_months(text: str, when: str) -> None:
    assert attrs(text) == {"when": when}


def test_roman_month_without_year_takes_year_from_context() -> None:
    assert attrs("20/XII.", year=1904) == {"when": "1904-12-20"}


def test_roman_month_without_year_or_context_is_not_guessed() -> None:
    assert parse_date("20/XII.") is None


def test_lowercase_roman_numerals_are_not_months() -> None:
    assert parse_date("2/vi. 1918") is None


@pytest.mark.parametrize(("text", "when"), [("27.03.1926", "1926-03-27"), ("27.3.26", "1926-03-27")])
def test_numeric_dates_are_day_first(text: str, when: str) -> None:
    assert attrs(text) == {"when": when}


def test_numeric_dates_with_month_over_twelve_are_rejected() -> None:
    assert parse_date("03.27.1926") is None


@pytest.mark.parametrize(("text", "when"), [("March 1922", "1922-03"), ("March, 1922", "1922-03")])
def test_month_and_year_keep_month_precision(text: str, when: str) -> None:
    assert attrs(text) == {"when": when}


def test_year_alone() -> None:
    assert attrs("1922") == {"when": "1922"}


@pytest.mark.parametrize("text", ["31 December", "December 31"])
def test_day_and_month_take_year_from_context(text: str) -> None:
    assert attrs(text, year=1934) == {"when": "1934-12-31"}


@pytest.mark.parametrize("text", ["31 December", "December 31"])
def test_day_and_month_without_context_are_not_guessed(text: str) -> None:
    assert parse_date(text) is None


def test_context_never_overrides_a_written_year() -> None:
    assert attrs("27 March 1926", year=1930) == {"when": "1926-03-27"}


def test_bare_ordinal_day_needs_month_and_year_context() -> None:
    assert attrs("20th", year=1904, month=12) == {"when": "1904-12-20"}
    assert parse_date("20th", year=1904) is None


# --------------------------------------------------------------------------- text handling


def test_text_is_as_written_without_surrounding_whitespace() -> None:
    value = parse_date("  2/VI. 1918 \n")
    assert value is not None and value.text == "2/VI. 1918"


@pytest.mark.parametrize("text", ["March 27, 1926.", "March 27, 1926,"])
def test_trailing_full_stop_or_comma_is_ignored(text: str) -> None:
    assert attrs(text) == {"when": "1926-03-27"}


# --------------------------------------------------------------------------- windows and spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between June 17 and 25, 1916", {"notBefore": "1916-06-17", "notAfter": "1916-06-25"}),
        ("between June 17 and July 2, 1916", {"notBefore": "1916-06-17", "notAfter": "1916-07-02"}),
        ("between 17 and 25 June 1916", {"notBefore": "1916-06-17", "notAfter": "1916-06-25"}),
        ("between June 1916 and March 1917", {"notBefore": "1916-06", "notAfter": "1917-03"}),
        ("between June and August 1916", {"notBefore": "1916-06", "notAfter": "1916-08"}),
    ],
)
def test_between_gives_a_window_at_the_written_precision(text: str, expected: dict[str, str]) -> None:
    assert attrs(text) == expected


def test_window_without_any_year_takes_context() -> None:
    assert attrs("between June 17 and 25", year=1916) == {
        "notBefore": "1916-06-17",
        "notAfter": "1916-06-25",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from 1926 to 1937", {"from": "1926", "to": "1937"}),
        ("1926-1937", {"from": "1926", "to": "1937"}),
        ("1926\u20131937", {"from": "1926", "to": "1937"}),
        ("from 17 to 25 June 1916", {"from": "1916-06-17", "to": "1916-06-25"}),
        ("June 17\u201325, 1916", {"from": "1916-06-17", "to": "1916-06-25"}),
        ("from March 27, 1926 to April 2, 1926", {"from": "1926-03-27", "to": "1926-04-02"}),
    ],
)
def test_from_to_and_dashes_give_a_span(text: str, expected: dict[str, str]) -> None:
    assert attrs(text) == expected


@pytest.mark.parametrize("text", ["from 1937 to 1926", "between 25 and 17 June 1916"])
def test_ranges_running_backwards_are_rejected(text: str) -> None:
    assert parse_date(text) is None


# --------------------------------------------------------------------------- qualified dates


@pytest.mark.parametrize("text", ["prior to November 26, 1916", "before November 26, 1916"])
def test_prior_to_means_the_day_before(text: str) -> None:
    assert attrs(text) == {"notAfter": "1916-11-25"}


@pytest.mark.parametrize(
    ("text", "not_after"),
    [
        ("before March 1, 1916", "1916-02-29"),
        ("before March 1, 1917", "1917-02-28"),
        ("before January 1, 1917", "1916-12-31"),
        ("prior to March 1916", "1916-02"),
        ("prior to January 1917", "1916-12"),
        ("before 1917", "1916"),
    ],
)
def test_before_steps_back_one_unit_across_boundaries_and_leap_years(text: str, not_after: str) -> None:
    assert attrs(text) == {"notAfter": not_after}


@pytest.mark.parametrize(
    "text", ["not later than November 26, 1916", "no later than November 26, 1916", "not after November 26, 1916"]
)
def test_not_later_than_includes_the_date(text: str) -> None:
    assert attrs(text) == {"notAfter": "1916-11-26"}


@pytest.mark.parametrize(
    ("text", "not_before"),
    [
        ("after November 26, 1916", "1916-11-27"),
        ("after December 31, 1916", "1917-01-01"),
        ("after March 1916", "1916-04"),
    ],
)
def test_after_means_the_day_after(text: str, not_before: str) -> None:
    assert attrs(text) == {"notBefore": not_before}


@pytest.mark.parametrize("text", ["not earlier than November 26, 1916", "not before November 26, 1916"])
def test_not_earlier_than_includes_the_date(text: str) -> None:
    assert attrs(text) == {"notBefore": "1916-11-26"}


# --------------------------------------------------------------------------- parts of a month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("early June 1916", ("1916-06-01", "1916-06-10")),
        ("beginning of June 1916", ("1916-06-01", "1916-06-10")),
        ("the beginning of June 1916", ("1916-06-01", "1916-06-10")),
        ("mid-June 1916", ("1916-06-11", "1916-06-20")),
        ("middle of June 1916", ("1916-06-11", "1916-06-20")),
        ("late June 1916", ("1916-06-21", "1916-06-30")),
        ("end of June 1916", ("1916-06-21", "1916-06-30")),
        ("late July 1916", ("1916-07-21", "1916-07-31")),
        ("late February 1916", ("1916-02-21", "1916-02-29")),
    ],
)
def test_parts_of_a_month_are_ten_day_windows_ending_on_the_real_last_day(
    text: str, expected: tuple[str, str]
) -> None:
    assert attrs(text) == {"notBefore": expected[0], "notAfter": expected[1]}


def test_part_of_month_without_year_needs_context() -> None:
    assert attrs("end of December", year=1934) == {"notBefore": "1934-12-21", "notAfter": "1934-12-31"}
    assert parse_date("end of December") is None


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("text", ["c. 1920", "circa 1920", "ca. 1920", "c. March 1920"])
def test_circa_dates_are_not_turned_into_precise_values(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "31 February 1926",
        "29 February 1917",
        "Page 59",
        "Volume 45",
        "",
        "   ",
        "Comrade Joffe,",
        "30/XIII. 1918",
        "March",
        "1926-37",
        "1920?",
        "early 1916",
        "27/3/26",
    ],
)
def test_non_dates_and_impossible_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_extra_words_around_a_date_are_not_a_date_expression() -> None:
    assert parse_date("Moscow, 24 April 1922") is None


# --------------------------------------------------------------------------- find_date


def found(text: str, **context: int) -> str | None:
    """The matched text, after checking that the span and DateValue.text agree."""
    result = find_date(text, **context)
    if result is None:
        return None
    start, end, value = result
    assert text[start:end] == value.text
    return value.text


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Moscow, 24 April 1922", "24 April 1922"),
        ("Written: 24 April 1922, Moscow", "24 April 1922"),
        ("Written 24 April 1922 in Gorki", "24 April 1922"),
        ("he wrote on April 2, 1926, to Serebryakov", "April 2, 1926"),
        ("Sokolnikov\n\n2/VI. 1918\n\nComrade Joffe,", "2/VI. 1918"),
        ("a letter from March 27, 1926 to Stalin", "March 27, 1926"),
        ("written between June 17 and 25, 1916 in Zurich", "between June 17 and 25, 1916"),
        ("sent not later than November 26, 1916.", "not later than November 26, 1916"),
    ],
)
def test_find_date_returns_the_full_expression(text: str, match: str) -> None:
    assert found(text) == match


def test_find_date_reports_start_end_and_value() -> None:
    assert find_date("Moscow, 24 April 1922") == (8, 21, DateValue("24 April 1922", when="1922-04-24"))


def test_find_date_falls_back_to_a_bare_year() -> None:
    assert found("in 1934 she published") == "1934"


def test_find_date_prefers_a_full_date_over_an_earlier_bare_year() -> None:
    assert found("Correspondence 1912-1927. Serebryakov to Stalin, March 27, 1926") == "March 27, 1926"


def test_find_date_does_not_search_compact_forms() -> None:
    assert find_date("Leon Trotsky 19380302 Krestinsky") is None


@pytest.mark.parametrize("text", ["pages 533b-534a", "fond 1/S", "Volume 45, p 762 f.", "see 1.27.3.26 above"])
def test_find_date_does_not_match_inside_numbers(text: str) -> None:
    assert find_date(text) is None


def test_find_date_skips_hedged_dates() -> None:
    assert find_date("written c. 1920 in Paris") is None


def test_find_date_uses_context_for_yearless_dates() -> None:
    assert found("Return\n31 December\nDiary", year=1934) == "31 December"
    assert find_date("Return\n31 December\nDiary") is None


def test_find_date_ignores_dates_glued_to_words() -> None:
    assert find_date("DocumentReturn31 December", year=1934) is None


def test_find_date_without_any_date_is_none() -> None:
    assert find_date("Comrade Stalin for the Politbureau") is None


def test_a_short_all_digit_form_in_running_text_is_not_a_date():
    assert find_date("see paragraph 3.4.15 of the statutes") is None
    assert parse_date("27.3.26").when == "1926-03-27"


@pytest.mark.parametrize(
    "julian,gregorian",
    [("1917-10-25", "1917-11-07"), ("1904-12-20", "1905-01-02"), ("1850-01-01", "1850-01-13"), ("1918-01-31", "1918-02-13")],
)
def test_old_style_dates_convert_to_the_gregorian_calendar(julian, gregorian):
    assert julian_to_gregorian(date.fromisoformat(julian)).isoformat() == gregorian


# =========================================================================== running text (find_dates)

DIARY = Anchor(1934, 12, 31)


def mentions(text: str, anchor: Anchor | None = DIARY) -> list[tuple[str, dict[str, str]]]:
    return [(m.text, m.value.tei_attributes()) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signed on March 27, 1926 in Moscow", ("March 27, 1926", {"when": "1926-03-27"})),
        ("in March 1922 he", ("March 1922", {"when": "1922-03"})),
        ("in 1934 she published", ("1934", {"when": "1934"})),
        ("written between June 17 and 25, 1916 in Zurich",
         ("between June 17 and 25, 1916", {"notBefore": "1916-06-17", "notAfter": "1916-06-25"})),
        ("sent prior to November 26, 1916.", ("prior to November 26, 1916", {"notAfter": "1916-11-25"})),
        ("prior to November 26 it was sent", ("prior to November 26", {"notAfter": "1934-11-25"})),
        ("from 1926 to 1937 he served", ("from 1926 to 1937", {"from": "1926", "to": "1937"})),
        ("Dated 2/VI. 1918, Moscow", ("2/VI. 1918", {"when": "1918-06-02"})),
        ("Geneva, 20/XII. Dear", ("20/XII.", {"when": "1934-12-20"})),
        ("Dated 27.II. 08 here", ("27.II. 08", {"when": "1908-02-27"})),
        ("on 24 December I replied", ("24 December", {"when": "1934-12-24"})),
        ("On the 20th, they came", ("the 20th", {"when": "1934-12-20"})),
        ("The 28th was too early", ("The 28th", {"when": "1934-12-28"})),
    ],
)
def test_find_dates_recognises_each_kind_of_expression(text: str, expected: tuple[str, dict[str, str]]) -> None:
    assert mentions(text) == [expected]


def test_find_dates_returns_every_expression_in_order() -> None:
    assert mentions("On 18 December I met him; on 20 December, the Daily Herald; in 1934.") == [
        ("18 December", {"when": "1934-12-18"}),
        ("20 December", {"when": "1934-12-20"}),
        ("1934", {"when": "1934"}),
    ]


def test_find_dates_spans_match_the_text() -> None:
    text = "It was between June 17 and 25, 1916, and then 2/VI. 1918."
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text


def test_yearless_dates_take_the_year_nearest_the_anchor() -> None:
    assert mentions("13 July") == [("13 July", {"when": "1934-07-13"})]
    assert mentions("1 January") == [("1 January", {"when": "1935-01-01"})]


def test_the_anchor_moves_with_each_dated_day() -> None:
    finder = DateFinder(DIARY)
    finder.find_all("the next morning, 1 January")
    assert finder.anchor == Anchor(1935, 1, 1)
    assert [m.value.when for m in finder.find_all("on the 2nd")] == ["1935-01-02"]


def test_year_only_and_windows_do_not_move_the_anchor() -> None:
    finder = DateFinder(DIARY)
    finder.find_all("in 1916 and in mid-June 1920")
    assert finder.anchor == DIARY


def test_a_forked_finder_leaves_the_original_anchor_alone() -> None:
    finder = DateFinder(DIARY)
    finder.fork().find_all("on 2 June 1918")
    assert finder.anchor == DIARY


def test_a_bare_day_listed_before_a_date_shares_its_month() -> None:
    assert mentions("I offered two dates: 28 or 31 December.") == [
        ("28", {"when": "1934-12-28"}),
        ("31 December", {"when": "1934-12-31"}),
    ]


@pytest.mark.parametrize("text", ["No. 5, 6 March 1917", "pages 3 and 5 March 1917"])
def test_numbers_before_a_date_are_not_listed_days(text: str) -> None:
    assert [m[0] for m in mentions(text)] == [text.split()[-3] + " March 1917"]


def test_short_year_spans_are_spans_but_page_ranges_are_not() -> None:
    assert mentions("MP, 1924–29; see pp. 276–77 and nos. 1920-21") == [
        ("1924–29", {"from": "1924", "to": "1929"})
    ]


def test_unnormalisable_expressions_are_found_without_values_with_a_reason() -> None:
    (hedged,) = find_dates("written around 3 January 1935")
    assert (hedged.text, hedged.normalised, hedged.problem) == ("around 3 January 1935", False, "approximate (around)")
    (impossible,) = find_dates("on 31 February 1926")
    assert impossible.text == "31 February 1926" and not impossible.normalised and impossible.problem
    (yearless,) = find_dates("on 24 December", None)
    assert not yearless.normalised and "year" in str(yearless.problem)


@pytest.mark.parametrize(
    "text", ["the 20th century", "the 14th Congress", "Doc31 December", "A1926", "they march 20 miles", "may 1 day"]
)
def test_find_dates_ignores_ordinals_and_glued_numbers(text: str) -> None:
    assert find_dates(text, DIARY) == []


# --------------------------------------------------------------------------- calendars


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("20 December 1904 (2 January 1905)", "1905-01-02"),
        ("October 25 (November 7), 1917", "1917-11-07"),
        ("26 October (8 November), 1917", "1917-11-08"),
        ("October 6 (19), 1917", "1917-10-19"),
        ("6 (19) October 1917", "1917-10-19"),
        ("1/14 February 1918", "1918-02-14"),
        ("31 January/13 February 1918", "1918-02-13"),
        ("3 January 1905 (16 January N.S.)", "1905-01-16"),
    ],
)
def test_dual_dates_are_one_expression_valued_new_style(text: str, when: str) -> None:
    (m,) = find_dates(f"dated {text} at")
    assert (m.text, m.value.tei_attributes(), m.calendar) == (text, {"when": when}, "dual")


def test_a_bracket_that_is_not_the_other_calendar_is_not_a_dual_date() -> None:
    (m,) = find_dates("on 24 April 1922 (3) he")
    assert (m.text, m.calendar) == ("24 April 1922", None)


@pytest.mark.parametrize(
    ("text", "calendar"),
    [("25 October 1917 (O.S.)", "julian"), ("25 October 1917, O.S.", "julian"),
     ("25 October 1917 Old Style", "julian"), ("7 November 1917 N.S.", "gregorian")],
)
def test_calendar_marks_are_part_of_the_expression(text: str, calendar: str) -> None:
    (m,) = find_dates(f"on {text}, the")
    assert (m.text, m.calendar) == (text, calendar)


@pytest.mark.parametrize(
    "gregorian", ["1905-01-02", "1917-11-07", "1918-02-13", "1850-01-13", "1900-03-14", "1700-03-12"]
)
def test_gregorian_to_julian_inverts_julian_to_gregorian(gregorian: str) -> None:
    day = date.fromisoformat(gregorian)
    assert julian_to_gregorian(gregorian_to_julian(day)) == day


def test_gregorian_to_julian_of_a_known_day() -> None:
    assert gregorian_to_julian(date(1905, 1, 2)) == date(1904, 12, 20)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (DateValue("x", when="1904-12-20"), {"when": "1905-01-02"}),
        (DateValue("x", when="1904-12"), {"notBefore": "1904-12-14", "notAfter": "1905-01-13"}),
        (DateValue("x", when="1904"), {"when": "1904"}),
        (DateValue("x", not_before="1916-06-17", not_after="1916-06-25"),
         {"notBefore": "1916-06-30", "notAfter": "1916-07-08"}),
        (DateValue("x", from_="1917-02", to="1917-10"), {"from": "1917-02-14", "to": "1917-11-13"}),
        (DateValue("x", when="1900-02-29"), {"when": "1900-03-13"}),
    ],
)
def test_old_style_values_become_gregorian_at_their_precision(value: DateValue, expected: dict[str, str]) -> None:
    assert old_style_to_gregorian(value).tei_attributes() == expected


# --------------------------------------------------------------------------- relative dates


def relative(text: str, today: date | None = date(1922, 4, 24), **options: bool) -> list[tuple[str, str | None]]:
    return [(m.text, m.value.when) for m in find_relative_dates(text, find_dates(text, DIARY), today, **options)]


def test_day_words_count_from_the_writers_date() -> None:
    assert relative("I got it yesterday; tomorrow I answer; tonight we meet") == [
        ("yesterday", "1922-04-23"), ("tomorrow", "1922-04-25"), ("tonight", "1922-04-24"),
    ]


def test_today_counts_only_where_it_names_a_day() -> None:
    assert relative("poll them today") == [("today", "1922-04-24")]
    assert relative("poll them today", today_is_a_day=False) == []


def test_day_words_need_the_writers_date() -> None:
    assert relative("I got it yesterday", today=None) == []


def test_next_day_counts_from_a_day_in_the_same_sentence_only() -> None:
    assert relative("It came on 20 December, and the next day I wrote.") == [("the next day", "1934-12-21")]
    assert relative("It came on 20 December. The next day I wrote.") == []
    assert relative("the day before, 19 December, he left") == []


# --------------------------------------------------------------------------- holidays


def found_with_problems(text: str, anchor: Anchor | None = DIARY) -> list[tuple[str, dict[str, str], str | None]]:
    return [(m.text, m.value.tei_attributes(), m.problem) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "holiday", "when"),
    [
        ("On Christmas Day we dined.", "Christmas Day", "1934-12-25"),
        ("As it was Christmas Eve, all left.", "Christmas Eve", "1934-12-24"),
        ("They came on New Year's Day.", "New Year's Day", "1935-01-01"),
        ("They came on New Year’s Day.", "New Year’s Day", "1935-01-01"),
        ("They came on New Years Day.", "New Years Day", "1935-01-01"),
        ("On New Year’s Eve we sang.", "New Year’s Eve", "1934-12-31"),
        ("The parade on May Day was long.", "May Day", "1935-05-01"),
        ("On Christmas  Eve, late.", "Christmas  Eve", "1934-12-24"),
    ],
)
def test_fixed_holidays_take_the_year_nearest_the_anchor(text: str, holiday: str, when: str) -> None:
    assert mentions(text) == [(holiday, {"when": when})]


@pytest.mark.parametrize(
    ("anchor", "when"),
    [(Anchor(1917, 4, 10), "1917-05-01"), (Anchor(1917, 9), "1917-05-01"), (Anchor(1917), "1917-05-01")],
)
def test_may_day_year_follows_the_anchor(anchor: Anchor, when: str) -> None:
    assert mentions("on May Day they marched", anchor) == [("May Day", {"when": when})]


@pytest.mark.parametrize(
    ("text", "holiday", "when"),
    [
        ("on May Day 1917 they marched", "May Day 1917", "1917-05-01"),
        ("on Christmas Day, 1916 he wrote", "Christmas Day, 1916", "1916-12-25"),
        ("on New Year's Eve 1904 they met", "New Year's Eve 1904", "1904-12-31"),
    ],
)
def test_a_holiday_with_a_written_year_keeps_it(text: str, holiday: str, when: str) -> None:
    assert mentions(text) == [(holiday, {"when": when})]


def test_a_holiday_without_a_dated_narrative_is_found_without_value() -> None:
    ((text, values, problem),) = found_with_problems("As it was Christmas Eve, all left.", None)
    assert (text, values) == ("Christmas Eve", {}) and "year is not written" in str(problem)


@pytest.mark.parametrize(
    "text",
    [
        "christmas day came", "may day", "Mayday! Mayday!", "Adam and Eve", "Eve Curie wrote",
        "at Christmas", "the May Day Manifesto", "the Christmas Eve Committee met", "every May Day",
        "each Christmas Eve", "the first May Day after the revolution", "his last May Day in Moscow",
        "pre-Christmas Eve", "New Year Eve",
    ],
)
def test_holiday_words_that_are_not_one_dated_holiday_are_not_dates(text: str) -> None:
    assert find_dates(text, DIARY) == []


def test_a_holiday_followed_by_i_is_still_a_holiday() -> None:
    assert mentions("On Christmas Eve I replied") == [("Christmas Eve", {"when": "1934-12-24"})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("around Christmas Day", ("around Christmas Day", {}, "approximate (around)")),
        ("on Christmas Day (O.S.) we", ("Christmas Day (O.S.)", {"when": "1934-12-25"}, None)),
    ],
)
def test_holidays_take_hedges_and_calendar_marks_like_other_dates(text: str, expected: tuple) -> None:
    assert found_with_problems(text) == [expected]


def test_a_holiday_moves_the_anchor_like_a_dated_day() -> None:
    finder = DateFinder(DIARY)
    finder.find_all("As it was Christmas Eve, all left.")
    assert finder.anchor == Anchor(1934, 12, 24)


# --------------------------------------------------------------------------- the New Year


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("The whole colony gathered to celebrate the New Year.", "the New Year"),
        ("We celebrated the New Year at the embassy.", "the New Year"),
        ("They were celebrating New Year in Moscow.", "New Year"),
        ("after the celebrations of the New Year", "the New Year"),
        ("we saw in the New Year with songs", "the New Year"),
        ("we stayed up to see the New Year in", "the New Year"),
    ],
)
def test_the_new_year_that_is_celebrated_is_the_holiday(text: str, expression: str) -> None:
    assert mentions(text) == [(expression, {"when": "1935-01-01"})]


@pytest.mark.parametrize(
    "text",
    [
        "the New Year will bring new tasks", "I dodged the meeting under the pretext of the New Year",
        "plans for the New Year", "a Happy New Year to all", "to celebrate the new year",
        "to celebrate the Old New Year", "we celebrated the Jewish New Year", "to see the New Year bring peace",
        "to celebrate the New Year's arrival", "celebrate the New Year Ball",
    ],
)
def test_the_new_year_that_may_be_the_year_to_come_is_not_a_date(text: str) -> None:
    assert find_dates(text, DIARY) == []


@pytest.mark.parametrize(
    ("anchor", "when"),
    [(DIARY, "1935-01-01"), (Anchor(1935, 1, 5), "1935-01-01"), (Anchor(1934, 12), "1935-01-01"),
     (Anchor(1934, 7, 13), "1935-01-01"), (Anchor(1934, 3, 1), "1934-01-01")],
)
def test_the_celebrated_new_year_is_the_one_nearest_the_anchor(anchor: Anchor, when: str) -> None:
    assert mentions("to celebrate the New Year", anchor) == [("the New Year", {"when": when})]


@pytest.mark.parametrize(("anchor", "problem"), [(None, "year is not written"), (Anchor(1934), "which New Year")])
def test_the_celebrated_new_year_needs_the_narratives_month(anchor: Anchor | None, problem: str) -> None:
    ((text, values, why),) = found_with_problems("to celebrate the New Year", anchor)
    assert (text, values) == ("the New Year", {}) and problem in str(why)


# --------------------------------------------------------------------------- relative months


@pytest.mark.parametrize(
    ("text", "anchor", "when"),
    [
        ("last November", DIARY, "1934-11"),
        ("last December", DIARY, "1933-12"),
        ("Last May", Anchor(1934, 6, 1), "1934-05"),
        ("last November", Anchor(1934, 11, 15), "1933-11"),
        ("next December", DIARY, "1935-12"),
        ("next January", DIARY, "1935-01"),
        ("Next May", Anchor(1934, 4), "1934-05"),
        ("this March", DIARY, "1934-03"),
        ("this December", DIARY, "1934-12"),
        ("this November", Anchor(1934), "1934-11"),
    ],
)
def test_relative_months_count_from_the_anchor(text: str, anchor: Anchor, when: str) -> None:
    assert mentions(f"they wrote {text} about it", anchor) == [(text, {"when": when})]


@pytest.mark.parametrize(
    ("text", "anchor", "when"),
    [
        ("last Christmas Eve", DIARY, "1934-12-24"),
        ("next Christmas Day", Anchor(1934, 12, 24), "1934-12-25"),
        ("next Christmas Eve", Anchor(1934, 12, 24), "1935-12-24"),
        ("last May Day", DIARY, "1934-05-01"),
        ("next New Year's Day", DIARY, "1935-01-01"),
        ("this May Day", DIARY, "1934-05-01"),
    ],
)
def test_relative_holidays_count_from_the_anchors_day(text: str, anchor: Anchor, when: str) -> None:
    assert mentions(f"they came {text} to us", anchor) == [(text, {"when": when})]


@pytest.mark.parametrize(
    ("text", "anchor", "problem"),
    [
        ("last November", None, "document has no date"),
        ("this November", None, "document has no date"),
        ("next May", Anchor(1934), "month is not known"),
        ("last Christmas Eve", Anchor(1934, 12), "day is not known"),
    ],
)
def test_relative_references_without_a_known_narrative_date_are_found_without_value(
    text: str, anchor: Anchor | None, problem: str
) -> None:
    ((written, values, why),) = found_with_problems(f"they wrote {text} about it", anchor)
    assert (written, values) == (text, {}) and problem in str(why)


@pytest.mark.parametrize(
    "text",
    [
        "the last November of the war", "his last May in Moscow", "at last May came", "for the next March",
        "the very last December", "last Jan", "last may", "this may be so", "This May Be the End",
        "next May Day Parade",
    ],
)
def test_words_that_are_not_relative_months_are_not_dates(text: str) -> None:
    assert find_dates(text, DIARY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last November 7 he", ("November 7", {"when": "1934-11-07"})),
        ("next May, 1935 he", ("May, 1935", {"when": "1935-05"})),
    ],
)
def test_a_relative_month_followed_by_a_day_or_year_is_a_date_of_its_own(text: str, expected: tuple) -> None:
    assert mentions(text) == [expected]


def test_relative_references_do_not_move_the_anchor() -> None:
    finder = DateFinder(DIARY)
    found = finder.find_all("It appeared last May and again last November.")
    assert [(m.text, m.value.when) for m in found] == [("last May", "1934-05"), ("last November", "1934-11")]
    assert finder.anchor == DIARY


def test_a_day_after_a_relative_month_is_found_without_value_until_a_dated_day() -> None:
    found = found_with_problems("Last November I went to Paris. On the 28th I met Blum. On 3 December, the 5th.")
    assert [(text, values) for text, values, _ in found] == [
        ("Last November", {"when": "1934-11"}), ("the 28th", {}),
        ("3 December", {"when": "1934-12-03"}), ("the 5th", {"when": "1934-12-05"}),
    ]
    assert "last November" in str(found[1][2])


@pytest.mark.parametrize(
    ("written", "anchor", "after"),
    [("last November", Anchor(1934, 11), DIARY), ("20 December", Anchor(1934, 12, 20), Anchor(1934, 12, 20)),
     ("the 20th", None, DIARY)],
)
def test_passing_a_tagged_date_moves_the_anchor_unless_it_is_relative(
    written: str, anchor: Anchor | None, after: Anchor
) -> None:
    finder = DateFinder(DIARY)
    finder.pass_date(written, anchor)
    assert finder.anchor == after


def test_passing_a_tagged_relative_month_leaves_the_next_day_unresolved() -> None:
    finder = DateFinder(DIARY)
    finder.pass_date("last  November", Anchor(1934, 11))
    ((mention),) = finder.find_all("On the 28th I met Blum.")
    assert not mention.normalised
