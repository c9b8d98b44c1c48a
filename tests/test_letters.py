"""The parts of a letter that every family shares: opener, closer, postscripts, quotations."""

from __future__ import annotations

import pytest

from teikit.model import Closer, Opener, Para, Postscript, Quote
from teikit.readers.letters import is_remark, is_salute, is_signature, letter_blocks


@pytest.mark.parametrize(
    "text",
    ["Lenin", "V. Ulyanov (Lenin)", "Lenin, Trotsky", "Lenin. Stalin.", "I. Stalin and V. Molotov",
     "Chairman of the Council of People’s Commissars V. Ulyanov (Lenin)",
     "V. Ulyanov (Lenin), Chairman of the Council of People’s Commissars"],
)
def test_signatures(text):
    assert is_signature(text)


@pytest.mark.parametrize("text", ["Please send me the figures.", "Thank you for the supplement", "I await some more."])
def test_sentences_are_not_signatures(text):
    assert not is_signature(text)


@pytest.mark.parametrize("text", ["T. Stalin!", "Comrade Joffe,", "Dear A. M.,", "Tov. Molotov!", "Dear Comrades,"])
def test_salutations(text):
    assert is_salute(text)


def test_remarks_after_the_signature_are_short_editorial_lines():
    assert is_remark("Dictated by telephone")
    assert not is_remark("Written in haste, I beg you to reply")


def test_a_letter_has_opener_paragraphs_closer_and_postscripts():
    blocks = letter_blocks(["Moscow, 24 April 1922", "Dear Comrade,", "Text.", "Yours, Lenin", "P.S. More."])
    assert [type(b) for b in blocks] == [Opener, Para, Closer, Postscript]
    opener, closer = blocks[0], blocks[2]
    assert (opener.place, opener.date.when) == ("Moscow", "1922-04-24")
    assert (closer.salute, closer.signed) == (["Yours,"], ["Lenin"])


def test_a_dateline_without_a_year_takes_the_documents_year():
    (opener, *_) = letter_blocks(["20/XII.", "Dear Comrade,", "Text."], year=1919)
    assert opener.date.when == "1919-12-20"


def test_remarks_with_no_signature_to_follow_stay_paragraphs():
    blocks = letter_blocks(["Dear Comrade,", "Text.", "More text.", "Dictated by telephone"])
    assert [type(b) for b in blocks] == [Opener, Para, Para, Para]


def test_paragraphs_each_opening_with_a_quotation_mark_are_one_quote():
    blocks = letter_blocks(["The following telegram should be sent:", "“First.", "“Second.”", "After."])
    quote = blocks[1]
    assert isinstance(quote, Quote) and quote.type == "telegram"
    assert [p.content for p in quote.blocks] == [["First."], ["Second."]]


def test_paragraphs_opening_with_a_closed_quotation_are_not_a_quote():
    blocks = letter_blocks(["Dear Comrade,", "“Left” communists are wrong.", "“Very well,” said Bukharin, “we shall see.”", "That is all for today."])
    assert [type(b) for b in blocks] == [Opener, Para, Para, Para]
    assert blocks[1].content == ["“Left” communists are wrong."]


def test_many_unclosed_quotation_paragraphs_take_linear_time():
    paras = ["Dear Comrade,"] + ["“An unclosed quotation paragraph"] * 20000
    blocks = letter_blocks(paras)  # quadratic scanning would take minutes here
    assert len(blocks) == 20001
