"""File names and xml:ids: stable, readable, derived from the document."""

from __future__ import annotations

import pytest

from teikit.dates import parse_date
from teikit.model import Document, Person
from teikit.naming import document_slug, surname, xml_id


@pytest.mark.parametrize(
    "name,known_as",
    [
        ("L. P. Serebryakov", "Serebryakov"),
        ("Liakhovetsky, Ivan Mikhailovich (Maisky)", "Maisky"),
        ("L. D. Trotsky (Bronstein)", "Trotsky"),
        ("N. Lenin (V. I. Ulyanov)", "Lenin"),
        ("Comrade Stalin", "Stalin"),
        ("Stalin, Iosif Vissarionovich", "Stalin"),
    ],
)
def test_the_name_a_file_is_named_after(name, known_as):
    assert surname(Person(name)) == known_as


def test_letters_are_named_date_sender_to_recipient():
    doc = Document("x", "letter", "t", authors=[Person("V. I. Lenin")], recipients=[Person("A. A. JOFFE")],
                   date=parse_date("2/VI. 1918"))
    assert document_slug(doc) == "1918-06-02-lenin-to-joffe"


def test_an_undated_article_is_named_after_its_title():
    doc = Document("x", "article", "Leon Trotsky: Krestinsky's Repudiation", authors=[Person("Leon Trotsky")])
    assert document_slug(doc) == "undated-trotsky-krestinskys-repudiation"


def test_xml_ids_never_start_with_a_digit():
    assert xml_id("1918-06-02-lenin-to-joffe") == "doc-1918-06-02-lenin-to-joffe"


@pytest.mark.parametrize("name", ["THE EDITORS OF NOVAYA ZHIZN", "the Politburo", "THE PENZA GUBERNIA EXECUTIVE COMMITTEE"])
def test_bodies_are_organisations_whatever_their_case(name):
    assert Person(name).is_organisation


@pytest.mark.parametrize("name", ["A. A. JOFFE", "I. V. Stalin", "Joseph Stalin"])
def test_people_are_not_organisations(name):
    assert not Person(name).is_organisation
