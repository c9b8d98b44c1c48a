"""Line and column of a finding: the element's start tag in the file, never a look-alike in a comment."""

from __future__ import annotations

import pytest

from teikit.validation.locate import Columns
from teikit.xmlio import parse_xml

TEI = "http://www.tei-c.org/ns/1.0"


def position_of_persName(source: str) -> tuple[int | None, int | None]:
    tree = parse_xml(source.encode("utf-8"), name="doc.xml")
    [el] = tree.getroot().iter(f"{{{TEI}}}persName")
    return Columns(tree, source).position(el)


@pytest.mark.parametrize(
    "decoy",
    [
        "<!-- was <persName>Koba</persName> -->",
        "<![CDATA[ <persName>Koba</persName> ]]>",
        "<?editor check <persName> here?>",
    ],
    ids=["comment", "cdata", "processing-instruction"],
)
def test_a_start_tag_inside_a_comment_cdata_or_pi_is_not_taken_for_the_element(decoy):
    source = f'<TEI xmlns="{TEI}">\n<p>{decoy}\n\n<persName>Lenin</persName></p>\n</TEI>\n'
    assert position_of_persName(source) == (4, 1)


def test_a_comment_with_a_look_alike_on_the_elements_own_line_is_skipped_too():
    source = f'<TEI xmlns="{TEI}">\n<p><!-- <persName> --> <persName>Lenin</persName></p>\n</TEI>\n'
    assert position_of_persName(source) == (2, 24)


def test_a_start_tag_over_several_lines_is_located_at_its_opening_bracket():
    source = f'<TEI xmlns="{TEI}">\n<p>x <persName\n   ref="#lenin"\n   >Lenin</persName></p>\n</TEI>\n'
    assert position_of_persName(source) == (2, 6)


def test_when_the_start_tag_is_not_on_the_elements_line_the_column_is_left_out():
    parsed = f'<TEI xmlns="{TEI}">\n<p>\n<persName>Lenin</persName></p>\n</TEI>\n'
    tree = parse_xml(parsed.encode("utf-8"), name="doc.xml")
    [el] = tree.getroot().iter(f"{{{TEI}}}persName")
    shifted = parsed.replace("<p>\n", "<p>\n\n\n")  # the file changed since it was parsed
    assert Columns(tree, shifted).position(el) == (3, None)
