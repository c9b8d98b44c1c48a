"""The edition's indexes: every person (and place) named, with the pages naming them.

Three small letters (tests/fixtures/pdf/edition/) name people by @ref into a register
(edition/registers/); the index must print the register's preferred name, life dates and
description, and exactly the pages of the edition on which each is named.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES
from fixtures.pdf.pdftext import pdf_pages

from teikit.writers.pdf import write_pdf

EDITION = FIXTURES / "pdf" / "edition"


def pages(pdf: Path) -> list[str]:
    return [" ".join(p.split()) for p in pdf_pages(pdf)]


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("index")
    report = write_pdf(sorted(EDITION.glob("*.xml")), out, {"edition-title": "Test Letters"}, EDITION / "registers")
    assert report.failures == []
    return pages(out / "edition.pdf")


def index_of(edition: list[str], title: str) -> str:
    start = next(i for i, page in enumerate(edition) if page.startswith(title) or f" {title} " in page[:60])
    return " ".join(edition[start:]).split(title, 1)[1]


def pages_naming(edition: list[str], *words: str) -> list[int]:
    """Pages of the documents (before the indexes) whose text has one of `words`."""
    last = next(i for i, page in enumerate(edition) if "Index of persons" in page[:60])
    return [n + 1 for n, page in enumerate(edition[2:last], start=2) if any(re.search(rf"\b{w}\b", page) for w in words)]


def test_documents_are_ordered_by_date_and_undated_ones_come_last(edition):
    contents = edition[1]
    order = [contents.index(t) for t in ["Lenin to Krupskaya, 1 March 1917", "Lenin to Stalin, 5 May 1920", "Undated note to Trotsky"]]
    assert order == sorted(order)


def test_the_index_uses_the_registers_preferred_name_dates_and_description(edition):
    persons = index_of(edition, "Index of persons")
    assert "Stalin, Joseph (1878–1953, General Secretary of the Central Committee.)" in persons
    assert "Krupskaya, Nadezhda Konstantinovna (Lenin’s wife.)" in persons


def test_the_index_gives_every_page_naming_a_person_under_any_name(edition):
    persons = index_of(edition, "Index of persons")
    listed = re.search(r"Stalin, Joseph \(.*?\) ([\d, ]+)", persons).group(1)
    # Koba, Stalin, J. V. Stalin: all @ref="#stalin"
    assert [int(n) for n in listed.split(",")] == pages_naming(edition, "Koba", "Stalin")


def test_an_untagged_name_is_indexed_as_written(edition):
    persons = index_of(edition, "Index of persons")
    listed = re.search(r"Ivanov ([\d, ]+)", persons).group(1)
    assert [int(n) for n in listed.split(",")] == pages_naming(edition, "Ivanov")


def test_index_entries_are_in_alphabetical_order(edition):
    persons = index_of(edition, "Index of persons").split("Index of places")[0]
    names = ["Ivanov", "Krupskaya", "Lenin", "Stalin", "Trotsky"]
    assert [persons.index(n) for n in names] == sorted(persons.index(n) for n in names)


def test_places_have_an_index_of_their_own(edition):
    places = index_of(edition, "Index of places")
    assert re.search(r"Moscow \(Capital from 1918\.\) \d+, \d+", places)
    assert "Zurich" in places


def test_the_indexes_are_in_the_table_of_contents(edition):
    assert "Index of persons" in edition[1] and "Index of places" in edition[1]
    assert "Index of organisations" not in edition[1]  # nobody named one
