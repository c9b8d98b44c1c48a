"""Escaping TEI text for Typst: one function (xslt/pdf/escape.xsl), tested with hostile text.

The unit tests call tk:typst-escape and tk:typst-string directly; the PDF tests render a
TEI file full of Typst syntax and check, with pdftotext, that every word and every
markup-like string comes out literally.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from conftest import FIXTURES
from fixtures.pdf.pdftext import missing_words, pdf_text
from lxml import etree

from teikit.resources import stylesheet
from teikit.saxon import compile_stylesheet_text, to_xdm, transform_to_string
from teikit.writers.pdf import write_pdf
from teikit.xmlio import parse_xml

HOSTILE = FIXTURES / "pdf" / "hostile.xml"


@pytest.fixture(scope="module")
def escape():
    """tk:typst-escape / tk:typst-string as Python functions."""
    module = stylesheet("pdf/escape.xsl").resolve().as_uri()
    executable = compile_stylesheet_text(
        f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
              xmlns:tk="https://teikit.dev/ns">
          <xsl:include href="{module}"/>
          <xsl:output method="text"/>
          <xsl:param name="text"/>
          <xsl:param name="function"/>
          <xsl:template match="/">
            <xsl:value-of select="if ($function = 'string') then tk:typst-string($text) else tk:typst-escape($text)"/>
          </xsl:template>
        </xsl:stylesheet>""",
        stylesheet("pdf/escape-probe.xsl"),
    )
    document = to_xdm(etree.fromstring(b"<x/>"))

    def run(text: str, function: str = "markup") -> str:
        return transform_to_string(executable, document, {"text": text, "function": function})

    return run


def test_every_ascii_punctuation_character_is_escaped_with_a_backslash(escape):
    for char in string.punctuation:
        assert escape(char) == "\\" + char, char


def test_letters_digits_and_non_ascii_text_pass_unchanged(escape):
    text = "Abc 123 Товарищ Ἐν ἀρχῇ «ё» – — … ’ ü"
    assert escape(text) == text


def test_markup_like_strings_lose_their_meaning(escape):
    assert escape("#set page(width: 1cm)") == "\\#set page\\(width\\: 1cm\\)"
    assert escape("$x^2$") == "\\$x\\^2\\$"
    assert escape("<label> @ref *bold*") == "\\<label\\> \\@ref \\*bold\\*"


def test_line_breaks_of_every_kind_become_one_space_so_text_never_starts_a_line(escape):
    assert escape("a\n- b\r\n+ c\t= d\u2028e\u0085f\u2029\n\n1. g") == "a \\- b \\+ c \\= d e f 1\\. g"


def test_a_backslash_is_escaped_so_it_cannot_start_an_escape_or_line_break(escape):
    assert escape("\\u{41} \\ end") == "\\\\u\\{41\\} \\\\ end"


def test_string_literals_escape_quotes_and_backslashes_only(escape):
    assert escape('a"b\\c #[x]', "string") == '"a\\"b\\\\c #[x]"'
    assert escape("line\nbreak", "string") == '"line break"'


def test_comment_text_keeps_every_kind_of_line_break_on_its_line():
    """Typst ends a // comment at LF, CR, NEL, LS and PS: none may survive in comment text."""
    module = stylesheet("pdf/escape.xsl").resolve().as_uri()
    executable = compile_stylesheet_text(
        f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
              xmlns:tk="https://teikit.dev/ns">
          <xsl:include href="{module}"/>
          <xsl:output method="text"/>
          <xsl:param name="text"/>
          <xsl:template match="/"><xsl:value-of select="tk:typst-comment($text)"/></xsl:template>
        </xsl:stylesheet>""",
        stylesheet("pdf/comment-probe.xsl"),
    )
    text = ' Evil\u2028#panic("x")\u2029a\u0085b\r\nc\td '
    assert transform_to_string(executable, to_xdm(etree.fromstring(b"<x/>")), {"text": text}) == 'Evil #panic("x") a b c d'


def test_no_other_pdf_module_escapes_text_itself():
    """Escaping lives in escape.xsl: no other module puts backslashes before characters."""
    others = [m for m in stylesheet("pdf").glob("*.xsl") if m.name != "escape.xsl"]
    assert others
    for module in others:
        assert "\\\\$0" not in module.read_text(), module.name


# --- the hostile document, rendered ------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    report = write_pdf([HOSTILE], out, {"edition": "no"}, None)
    assert report.failures == []
    return out / "hostile.pdf"


@pytest.fixture(scope="module")
def hostile_text(hostile_pdf) -> str:
    return "".join(pdf_text(hostile_pdf).split())


def test_hostile_text_compiles_to_a_pdf(hostile_pdf):
    assert hostile_pdf.read_bytes().startswith(b"%PDF-")


def test_every_word_of_the_hostile_text_is_in_the_pdf(hostile_pdf):
    assert missing_words(parse_xml(HOSTILE).getroot(), hostile_pdf) == []


@pytest.mark.parametrize(
    "literal",
    [
        "Specials:#$*_`<>@=-+/\\[]{}~\"'!%&(),.:;?^|end.",
        "-dashline+plusline=equalsline1.numberline/termline:description",
        "/*blockcomment*/after\\backslashline",
        "#setpage(width:1cm)#lethostile=1$x^2$<label>@ref*bold*_emph_`raw`#pagebreak()#{1+1}\\u{41}",
        "https://example.org/a_b...------?~tilde",
        "Hostile#title$x$*bold*_under_[bracket]{brace}<label>@ref\\~\"double\"'single'",
        "Ann#Author*[the]\"Third\"",
        "Book#1[p.2]$5*star*_under_//slashes/*open",
        "Head=#heading[1]",
        "Footnote#textwith[brackets]and*stars*and$dollars$.",
        "#2]",
        "[sup]plied]",
        "[...two*words*]",  # pdf_text is NFKC: … is ...
        "Name\"quoted\"",
        "https://example.org/?a=1&b=[2]",
        "<p#x>",
        "Item#one[1]",
        "Item$two$",
        "Head*cell*",
        "Span#cell]",
        "Verse=five",
    ],
)
def test_markup_like_text_is_printed_literally(hostile_text, literal):
    assert literal in hostile_text


def test_a_300_character_word_is_printed_whole(hostile_text):
    word = "".join(c * 10 for c in string.ascii_lowercase) + "".join(d * 10 for d in "0123")
    assert "Aaaaaaaaaa" + word[10:] in hostile_text


def test_cyrillic_and_greek_are_printed(hostile_text):
    assert "ТоварищСталинпишет:«Съезд" in hostile_text and "начнётсявпонедельник»." in hostile_text
    assert "Ἐνἀρχῇἦνὁλόγος" in hostile_text
