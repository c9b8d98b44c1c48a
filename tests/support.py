"""Helpers for reader tests: read a page, build its TEI, query it."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit.builder import build_tei
from teikit.conservation import lost_words
from teikit.model import ReadResult
from teikit.rawtext import read_raw_text
from teikit.readers import reader_named

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def read_with(family: str, path: Path) -> tuple[str, ReadResult, list[etree._Element]]:
    """(decoded text, reader result, TEI roots) for one raw page."""
    text = read_raw_text(path).text
    result = reader_named(family).read(text)
    roots = [build_tei(doc, f"d{i}", path.name) for i, doc in enumerate(result.documents)]
    return text, result, roots


def xp(root: etree._Element, expr: str) -> list:
    return root.xpath(expr, namespaces=NS)


def text_of(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def assert_nothing_lost(text: str, result: ReadResult, roots: list[etree._Element]) -> None:
    assert lost_words(text, result.dropped, roots) == []
